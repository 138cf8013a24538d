/**
 * The people library's use cases, over any LibraryStore (a folder for the CLI; the service's store
 * later): add the people a person tagged in an analysis, list, rename, remove, forget everyone,
 * and recognise the people of a new analysis.
 */
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { checkName, type LibraryGender, type LibraryPersonSummary } from '../../../shared/src/library.js';
import { addPeople } from '../stages/library/add-people.js';
import type { LibraryCorrection } from '../stages/library/corrections.js';
import { findPerson, summarise, type LibraryPerson, type LibraryState } from '../stages/library/library-person.js';
import { recogniseAnalysis } from '../stages/library/recognise-analysis.js';
import type { RecognitionOptions } from '../stages/library/recognise.js';
import { applyEdits } from '../stages/people/edits.js';
import { decodeTrackEmbeddings } from '../stages/people/track-embeddings.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import type { LibraryStore } from '../storage/library-folder.store.js';

/** One analysis as the library needs it, wherever it is kept. */
export interface AnalysisSource {
  /** Stable key of the analysis: a job id, or a digest of a folder's analysis. */
  key: string;
  analysis: Analysis;
  edits: readonly Edit[];
  signatures: { model: string; vectors: readonly Float32Array[] } | null;
  readThumbnail(relativePath: string): Promise<Buffer | null>;
}

export interface AddResult {
  added: LibraryPersonSummary[];
  updated: LibraryPersonSummary[];
}

export class LibraryService {
  constructor(private readonly deps: { store: LibraryStore; now?(): Date; recognition?: RecognitionOptions }) {}

  async add(source: AnalysisSource, by: string): Promise<AddResult> {
    if (!source.signatures) {
      throw new OnscreenError('analysis_incompatible', 'This analysis has no face signatures (embeddings.json): it was made by an older onscreen. Analyse the video again to add its people to a library.');
    }
    const state = await this.deps.store.load();
    const outcome = addPeople({
      state,
      analysis: source.analysis,
      analysisKey: source.key,
      people: applyEdits(source.analysis, source.edits),
      signatures: source.signatures,
      by,
      at: this.now(),
      ...(this.deps.recognition ? { recognition: this.deps.recognition } : {}),
    });
    const thumbnails = new Map<string, Buffer>();
    for (const [id, path] of outcome.thumbnails) {
      const bytes = await source.readThumbnail(path);
      if (bytes) thumbnails.set(id, bytes);
    }
    await this.deps.store.save(outcome.state, thumbnails);
    const byId = new Map(outcome.state.people.map((p) => [p.id, summarise(p)]));
    return { added: outcome.added.map((id) => byId.get(id)!), updated: outcome.updated.map((id) => byId.get(id)!) };
  }

  async list(): Promise<LibraryPersonSummary[]> {
    return (await this.deps.store.load()).people.map(summarise);
  }

  async rename(ref: string, name: string, by: string): Promise<LibraryPersonSummary> {
    const problem = checkName(name);
    if (problem) throw new OnscreenError('bad_request', `${problem} Nothing was changed.`);
    return this.change(ref, (p) => ({ ...p, name: name.trim(), history: [...p.history, { what: 'renamed', by, at: this.now(), detail: name.trim() }] }));
  }

  /** A person corrected the library's tag of someone recognised: the library follows. */
  async retag(ref: string, gender: LibraryGender, by: string): Promise<LibraryPersonSummary> {
    return this.change(ref, (p) => (p.gender === gender ? p : { ...p, gender, taggedBy: by, history: [...p.history, { what: 'tagged', by, at: this.now(), detail: gender }] }));
  }

  /**
   * Carries a person's corrections of people recognised in the analysis `analysisKey` into the
   * library at once; returns what changed, in words. Someone no longer in the library is passed over.
   */
  async correct(analysisKey: string, corrections: readonly LibraryCorrection[], by: string): Promise<string[]> {
    const changes: string[] = [];
    for (const correction of corrections) {
      try {
        changes.push(...(await this.applyCorrection(analysisKey, correction, by)));
      } catch (error) {
        if (!(error instanceof OnscreenError && error.code === 'library_person_unknown')) throw error;
      }
    }
    return changes;
  }

  private async applyCorrection(analysisKey: string, correction: LibraryCorrection, by: string): Promise<string[]> {
    if (correction.kind === 'tag') {
      const person = await this.retag(correction.person, correction.gender, by);
      return [`library person ${person.id} is now tagged ${person.gender}`];
    }
    if (correction.kind === 'name') {
      const person = await this.rename(correction.person, correction.name, by);
      return [`library person ${person.id} is now named "${person.name ?? ''}"`];
    }
    return this.dropExemplars(correction.person, analysisKey, correction.tracks, by);
  }

  /** "Not them": face signatures this analysis gave the person (if it was added to the library) were someone else's. */
  private async dropExemplars(ref: string, analysisKey: string, tracks: readonly number[], by: string): Promise<string[]> {
    const state = await this.deps.store.load();
    const person = this.find(state, ref);
    const exemplars = person.exemplars.filter((e) => !(e.analysis === analysisKey && tracks.includes(e.track)));
    const dropped = person.exemplars.length - exemplars.length;
    if (dropped === 0) return [];
    if (exemplars.length === 0) {
      await this.deps.store.save({ ...state, people: state.people.filter((p) => p.id !== person.id) });
      return [`library person ${person.id} had only face signatures from this person, who is not them: removed from the library`];
    }
    const isStillSeen = exemplars.some((e) => e.analysis === analysisKey);
    const changed: LibraryPerson = {
      ...person,
      exemplars,
      seenIn: isStillSeen ? person.seenIn : person.seenIn.filter((s) => s.analysis !== analysisKey),
      history: [...person.history, { what: 'exemplars', by, at: this.now(), detail: `${dropped} face signatures removed: not them` }],
    };
    await this.deps.store.save({ ...state, people: state.people.map((p) => (p.id === person.id ? changed : p)) });
    return [`library person ${person.id} lost the ${dropped} face ${dropped === 1 ? 'signature' : 'signatures'} taken from this person, who is not them`];
  }

  /** Removes one person with every face signature and the thumbnail. */
  async remove(ref: string): Promise<LibraryPersonSummary> {
    const state = await this.deps.store.load();
    const person = this.find(state, ref);
    await this.deps.store.save({ ...state, people: state.people.filter((p) => p.id !== person.id) });
    return summarise(person);
  }

  async forgetAll(): Promise<number> {
    const count = (await this.deps.store.load()).people.length;
    await this.deps.store.forgetAll();
    return count;
  }

  /** A fresh result with `clusters[].known` set (unchanged when it carries no face signatures). */
  async recogniseResult(result: AnalysisResult): Promise<AnalysisResult> {
    if (!result.embeddings) return result;
    return { ...result, analysis: await this.recognise(result.analysis, decodeTrackEmbeddings(result.embeddings, 'the new analysis')) };
  }

  /** The analysis with `clusters[].known` set from the library (null where nobody matched). */
  async recognise(analysis: Analysis, signatures: { model: string; vectors: readonly Float32Array[] }): Promise<Analysis> {
    return recogniseAnalysis(analysis, signatures, await this.deps.store.load(), this.deps.recognition);
  }

  private async change(ref: string, update: (person: LibraryPerson) => LibraryPerson): Promise<LibraryPersonSummary> {
    const state = await this.deps.store.load();
    const person = update(this.find(state, ref));
    await this.deps.store.save({ ...state, people: state.people.map((p) => (p.id === person.id ? person : p)) });
    return summarise(person);
  }

  private find(state: LibraryState, ref: string): LibraryPerson {
    const person = findPerson(state, ref);
    if (!person) {
      throw new OnscreenError('library_person_unknown', `There is no "${ref}" in the people library at ${this.deps.store.location}. See who is there with: npx onscreen library list`);
    }
    return person;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
