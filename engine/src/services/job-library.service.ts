/**
 * The people library in the service: the server holds it (workers never do) and recognises people
 * in each result a worker sends back. Off until ONSCREEN_LIBRARY_ENABLED is set: every call then
 * says so. Library people live apart from jobs: deleting a job, or retention, never removes one.
 */
import { describeActor, type Actor } from '../../../shared/src/actor.js';
import type { Tag } from '../../../shared/src/analysis.js';
import type { PeopleResponse } from '../../../shared/src/api/types.js';
import { LIBRARY_GENDERS, type LibraryGender, type LibraryPersonSummary } from '../../../shared/src/library.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import { readTrackEmbeddings } from '../storage/analysis-folder.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { LibraryStore } from '../storage/library-folder.store.js';
import { LibraryService, type AddResult } from './library.service.js';
import { KeyedLock } from '../storage/keyed-lock.js';
import type { TaggingService } from './tagging.service.js';

export class JobLibraryService {
  private readonly library: LibraryService | null;
  /** Changes are read-modify-write of the whole library: one at a time, or one would be lost. */
  private readonly lock = new KeyedLock();

  constructor(private readonly deps: { store: LibraryStore | null; tagging: TaggingService; files: JobFilesStore; log?(line: string): void }) {
    this.library = deps.store ? new LibraryService({ store: deps.store }) : null;
  }

  get isEnabled(): boolean {
    return this.library !== null;
  }

  list(): Promise<LibraryPersonSummary[]> {
    return this.on().list();
  }

  /** Adds every person a person tagged in the job (someone already there gains exemplars). */
  async addJob(jobId: string, by: string): Promise<AddResult> {
    const library = this.on();
    const { analysis, edits } = await this.deps.tagging.state(jobId);
    const signatures = await readTrackEmbeddings(this.deps.files.jobDir(jobId));
    return this.lock.run('library', () => library.add({ key: jobId, analysis, edits, signatures, readThumbnail: (path) => this.deps.files.readJobFile(jobId, path) }, by));
  }

  /**
   * Tags a person in a job. Correcting the tag of someone recognised from the library also updates
   * the library (issue 9: "correct it, which also updates the library"); confirming changes nothing there.
   */
  async tag(jobId: string, person: number, tag: Tag, actor: Actor): Promise<PeopleResponse> {
    const response = await this.deps.tagging.tag(jobId, person, tag, actor);
    const known = response.people.find((p) => p.id === person)?.known;
    const library = this.library;
    if (library && known && LIBRARY_GENDERS.includes(tag as LibraryGender) && known.gender !== tag) {
      await this.lock.run('library', () => library.retag(known.person, tag as LibraryGender, describeActor(actor))).catch((error: unknown) => {
        // The library person may have been removed since: the tag here stands.
        if (!(error instanceof OnscreenError && error.code === 'library_person_unknown')) throw error;
      });
    }
    return response;
  }

  rename(person: string, name: string, by: string): Promise<LibraryPersonSummary> {
    const library = this.on();
    return this.lock.run('library', () => library.rename(person, name, by));
  }

  remove(person: string): Promise<LibraryPersonSummary> {
    const library = this.on();
    return this.lock.run('library', () => library.remove(person));
  }

  forgetAll(): Promise<number> {
    const library = this.on();
    return this.lock.run('library', () => library.forgetAll());
  }

  async thumbnail(person: string): Promise<Buffer> {
    this.on();
    const bytes = await this.deps.store!.readThumbnail(person);
    if (!bytes) throw new OnscreenError('library_person_unknown', `No thumbnail for "${person}" in the people library.`);
    return bytes;
  }

  /** The result with `clusters[].known` set; unchanged when the library is off. A library fault never fails the job. */
  async recognise(result: AnalysisResult): Promise<AnalysisResult> {
    if (!this.library) return result;
    try {
      return await this.library.recogniseResult(result);
    } catch (error) {
      this.deps.log?.(`people library: recognition skipped (${error instanceof Error ? error.message : String(error)})`);
      return result;
    }
  }

  private on(): LibraryService {
    if (!this.library) throw new OnscreenError('library_off', 'The people library is off on this server. Set ONSCREEN_LIBRARY_ENABLED=true to switch it on (it stores face signatures: see the README).');
    return this.library;
  }
}
