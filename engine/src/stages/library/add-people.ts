/**
 * `library add`: the people a person tagged in one analysis, into the library. Pure: returns the new
 * library state and which thumbnail of the analysis each new person gets; the caller stores them.
 *
 * Someone already in the library gains exemplars instead of being duplicated. The library person is,
 * in this order: the one recognised at analysis time (unless a person said "not them", or gave
 * another name), the one with the same name, or the one recognised now (same threshold, two
 * people seen in one frame never the same library person); otherwise a new library person.
 */
import type { Actor } from '../../../../shared/src/actor.js';
import type { Analysis, PersonView } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { LIBRARY_GENDERS, type LibraryGender, type SeenIn } from '../../../../shared/src/library.js';
import { DEFAULT_EXEMPLAR_OPTIONS, mergeExemplars, pickExemplars, type ExemplarOptions } from './exemplars.js';
import { authorOf, type LibraryPerson, type LibraryState } from './library-person.js';
import { DEFAULT_RECOGNITION_OPTIONS, recognise, type RecognitionOptions } from './recognise.js';
import { trackSignatures, type TrackSignature } from './track-signatures.js';

export interface AddInput {
  state: LibraryState;
  analysis: Analysis;
  /** The analysis' key in this library (a job id, or a digest of a folder's analysis). */
  analysisKey: string;
  people: readonly PersonView[];
  signatures: { model: string; vectors: readonly Float32Array[] };
  /** Who adds: the client, and the person it acts for. */
  by: Actor;
  at: string;
  recognition?: RecognitionOptions;
  exemplars?: ExemplarOptions;
}

export interface AddOutcome {
  state: LibraryState;
  added: string[];
  updated: string[];
  /** Library person id → the analysis thumbnail (relative path) to keep as theirs; only for new people. */
  thumbnails: Map<string, string>;
}

interface Tagged {
  view: PersonView;
  gender: LibraryGender;
  signatures: TrackSignature[];
}

export function addPeople(input: AddInput): AddOutcome {
  const { state, analysis, signatures } = input;
  if (state.model !== null && state.model !== signatures.model) {
    throw new OnscreenError('library_incompatible', `This analysis' face signatures come from another model (${signatures.model}) than the library's (${state.model}); they cannot be compared. Use another --library folder.`);
  }
  const tagged = taggedPeople(analysis, input.people, signatures.vectors);
  const targets = chooseTargets(state, tagged, input.recognition ?? DEFAULT_RECOGNITION_OPTIONS);
  let nextId = state.nextId;
  const people = new Map(state.people.map((p) => [p.id, p]));
  const outcome: AddOutcome = { state, added: [], updated: [], thumbnails: new Map() };
  tagged.forEach((t, k) => {
    const exemplars = pickExemplars(t.signatures, input.analysisKey, input.exemplars ?? DEFAULT_EXEMPLAR_OPTIONS);
    const targetId = targets[k];
    const existing = targetId ? people.get(targetId) : undefined;
    if (existing) {
      people.set(existing.id, update(existing, t, exemplars, input));
      if (!outcome.updated.includes(existing.id) && !outcome.added.includes(existing.id)) outcome.updated.push(existing.id);
      return;
    }
    const id = `p${nextId++}`;
    people.set(id, create(id, t, exemplars, input));
    outcome.added.push(id);
    const best = [...t.signatures].sort((a, b) => b.quality - a.quality)[0]!;
    outcome.thumbnails.set(id, analysis.tracks[best.track]?.thumbnail ?? t.view.thumbnail);
  });
  outcome.state = { model: signatures.model, people: [...people.values()], nextId };
  return outcome;
}

/** People a person tagged female, male or unknown here: never a suggestion accepted, a library tag unconfirmed, or "not a face". */
function taggedPeople(analysis: Analysis, people: readonly PersonView[], vectors: readonly Float32Array[]): Tagged[] {
  const tagged = people.filter((p) => p.tagOrigin === 'person' && LIBRARY_GENDERS.includes(p.tag as LibraryGender));
  if (tagged.length === 0) {
    throw new OnscreenError('nothing_to_add', 'Nobody in this analysis was tagged by a person (suggestions accepted unchecked, library tags and "not a face" are not added). Tag people first: npx onscreen tag <dir> <person>=<female|male|unknown>.');
  }
  const out = tagged.map((view) => ({ view, gender: view.tag as LibraryGender, signatures: trackSignatures(analysis, vectors, view.tracks) }));
  const missing = out.filter((t) => t.signatures.length === 0).map((t) => t.view.id);
  if (missing.length > 0) {
    throw new OnscreenError('analysis_incompatible', `Person ${missing.join(', ')} has no face signature in this analysis (embeddings.json is missing or older). Analyse the video again to add its people to a library.`);
  }
  return out;
}

function chooseTargets(state: LibraryState, tagged: readonly Tagged[], options: RecognitionOptions): (string | undefined)[] {
  const byId = new Map(state.people.map((p) => [p.id, p]));
  const sameName = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
  const targets = tagged.map(({ view }) => {
    const known = view.known ? byId.get(view.known.person) : undefined;
    if (known && (view.name === null || known.name === null || sameName(view.name, known.name))) return known.id;
    return view.name === null ? undefined : state.people.find((p) => sameName(p.name, view.name))?.id;
  });
  // The rest: recognised now, among library people whose name does not contradict a name given here.
  const open = tagged.map((t, k) => ({ t, k })).filter(({ k }) => targets[k] === undefined);
  const found = recognise(open.map(({ t, k }) => ({ id: k, signatures: t.signatures })), state.people, options);
  for (const { group, person } of found) {
    const view = tagged[group]!.view;
    const candidate = byId.get(person)!;
    if (view.name !== null && candidate.name !== null) continue;
    const samples = new Set(tagged[group]!.signatures.flatMap((s) => [...s.samples]));
    const clash = targets.some((target, k) => target === person && tagged[k]!.signatures.some((s) => [...s.samples].some((x) => samples.has(x))));
    if (!clash) targets[group] = person;
  }
  return targets;
}

function create(id: string, t: Tagged, exemplars: LibraryPerson['exemplars'], input: AddInput): LibraryPerson {
  const tagger = taggerOf(t.view, input);
  return {
    id,
    name: t.view.name,
    gender: t.gender,
    taggedBy: tagger.by,
    taggedOnBehalfOf: tagger.onBehalfOf ?? null,
    exemplars,
    seenIn: [seenIn(t.view, input)],
    history: [
      { what: 'added', ...authorOf(input.by), at: input.at, detail: `from ${input.analysis.video.title ?? input.analysis.video.source} (person ${t.view.id})`, analysis: input.analysisKey },
      { what: 'tagged', ...tagger, at: t.view.taggedAt ?? input.at, detail: t.gender },
    ],
  };
}

/** Who tagged the person in the analysis (client and person, as its history says), else who adds. */
function taggerOf(view: PersonView, input: AddInput) {
  return authorOf(view.taggedBy ? { by: view.taggedBy, onBehalfOf: view.taggedOnBehalfOf ?? undefined } : input.by);
}

function update(person: LibraryPerson, t: Tagged, exemplars: LibraryPerson['exemplars'], input: AddInput): LibraryPerson {
  const history: LibraryPerson['history'] = [...person.history, { what: 'exemplars', ...authorOf(input.by), at: input.at, detail: `from ${input.analysis.video.title ?? input.analysis.video.source} (person ${t.view.id})`, analysis: input.analysisKey }];
  let { gender, taggedBy, taggedOnBehalfOf, name } = person;
  if (t.gender !== person.gender) {
    // A person corrected the tag in this analysis: the library follows.
    gender = t.gender;
    const tagger = taggerOf(t.view, input);
    [taggedBy, taggedOnBehalfOf] = [tagger.by, tagger.onBehalfOf ?? null];
    history.push({ what: 'tagged', ...tagger, at: t.view.taggedAt ?? input.at, detail: gender });
  }
  if (t.view.name !== null && name === null) {
    name = t.view.name;
    history.push({ what: 'renamed', ...authorOf(input.by), at: input.at, detail: name });
  }
  const others = person.seenIn.filter((s) => s.analysis !== input.analysisKey);
  const previous = person.seenIn.find((s) => s.analysis === input.analysisKey);
  const here = seenIn(t.view, input);
  const merged = previous && !previous.clusters.includes(t.view.id) ? { ...here, seconds: previous.seconds + here.seconds, clusters: [...previous.clusters, ...here.clusters] } : here;
  return { ...person, gender, taggedBy, taggedOnBehalfOf, name, exemplars: mergeExemplars(person.exemplars, exemplars), seenIn: [...others, merged], history };
}

function seenIn(view: PersonView, input: AddInput): SeenIn {
  const { video, createdAt } = input.analysis;
  return { analysis: input.analysisKey, source: video.source, title: video.title, analysedAt: createdAt, duration: video.duration, seconds: view.seconds, clusters: [view.id] };
}
