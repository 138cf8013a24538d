/**
 * People as a person sees them: the analysis clusters after the tagging history (tags.json).
 * The history is the truth; this derives the current state from it, so every front end
 * (CLI, tagging page, Slack) agrees, and undo is just "replay without the newest edit".
 *
 * Undo removes the newest action still in effect (one edit, or the edits of one action that share
 * a group); undoing again removes the one before. Redo brings back the newest action undone, as
 * long as no new edit came after the undo (a new edit clears what could be redone, as in any
 * editor). Both are edits in the history, so every client sees the same undo and redo. Edits that
 * change nothing (the same tag twice, as when Slack retries) are not in effect, so they are
 * invisible to undo too.
 * An invalid edit found in a stored history (hand-edited file) is skipped.
 */
import { type Analysis, type Edit, type PersonView, type Suggestion, type Tag, type TagOrigin, TAGS, type VoiceView } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { checkName, type Known } from '../../../../shared/src/library.js';
import { type AnalysisIndex, countedFaces, indexAnalysis } from '../report/analysis-index.js';
import { secondsOfSamples } from '../report/sample-intervals.js';
import { suggestGender } from './gender-suggestion.js';
import { checkOnBehalfOf } from '../../../../shared/src/actor.js';
import { voiceViews } from './voice-views.js';
import { attributeSpeech, type SpeechPiece } from './who-speaks.js';
import { applyVoiceEdit, checkVoiceAgainst, checkVoiceShape, isVoiceEdit, NO_VOICE_EDITS, renameSpeaker, type VoiceState } from './voice-edits.js';

interface Person {
  id: number;
  tracks: readonly number[];
  tag: Tag | null;
  tagOrigin: TagOrigin | null;
  taggedBy: string | null;
  taggedOnBehalfOf: string | null;
  taggedAt: string | null;
  name: string | null;
  known: Known | null;
}
type People = ReadonlyMap<number, Person>;

/** Everything the history decides: the people, and the voices' tags and speaker corrections. */
interface State {
  people: People;
  voices: VoiceState;
}

type Change = Exclude<Edit, { kind: 'undo' | 'redo' }>;

/** An edit in effect and the state before it: what undo returns to. */
interface Step {
  before: State;
  edit: Change;
}

interface History {
  state: State;
  /** Every edit still in effect, oldest first. */
  done: Step[];
  /** The actions undone that redo can bring back, newest last (each: its edits, oldest first). */
  undone: Change[][];
}

/** What undo would take back and what redo would bring back now: the edits of one action each. */
export interface PendingActions {
  undo: Change[] | null;
  redo: Change[] | null;
}

/** The people after the edits, by ascending id (analysis clusters keep their ids; splits add new ones). */
export function applyEdits(analysis: Analysis, edits: readonly Edit[]): PersonView[] {
  return editedState(analysis, edits).persons;
}

export interface EditedState {
  /** With each person's speaking seconds when the analysis has speech. */
  persons: PersonView[];
  voices: VoiceView[];
  /** Who speaks when, after corrections; null for an analysis made before speech was measured. */
  speech: SpeechPiece[] | null;
}

/** The people, the voices and the speech after the edits. */
export function editedState(analysis: Analysis, edits: readonly Edit[]): EditedState {
  const index = indexAnalysis(analysis);
  const { state } = replay(analysis, index, edits);
  const views = [...state.people.values()].sort((a, b) => a.id - b.id).map((p) => toView(analysis, index, p));
  if (!analysis.speech) return { persons: views, voices: [], speech: null };
  const speech = attributeSpeech(analysis, index, views, state.voices);
  const persons = views.map((p) => ({ ...p, speakingSeconds: speech.reduce((sum, s) => (s.person === p.id && s.group !== 'not-speech' ? sum + s.end - s.start : sum), 0) }));
  return { persons, voices: voiceViews(analysis, index, views, state.voices), speech };
}

/** Why `edit` cannot follow `edits`, or null if it can. Callers append only valid edits. */
export function validateEdit(analysis: Analysis, edits: readonly Edit[], edit: Edit): OnscreenError | null {
  const shapeError = checkShape(edit);
  if (shapeError) return shapeError;
  const { state, done, undone } = replay(analysis, indexAnalysis(analysis), edits);
  if (edit.kind === 'undo') return done.length > 0 ? null : new OnscreenError('nothing_to_undo');
  if (edit.kind === 'redo') return undone.length > 0 ? null : new OnscreenError('nothing_to_redo');
  if (edit.kind === 'split' && edit.newCluster < nextClusterId(analysis, edits)) {
    return new OnscreenError('bad_request', `Person ${edit.newCluster} already exists or existed; use ${nextClusterId(analysis, edits)}.`);
  }
  return checkAgainst(analysis, state.people, edit);
}

/** Whether appending `edit` would change anything (false for a repeated tag, or suggestions with nothing to accept). */
export function isEffectiveEdit(analysis: Analysis, edits: readonly Edit[], edit: Edit): boolean {
  const index = indexAnalysis(analysis);
  const { done, undone } = replay(analysis, index, edits);
  if (edit.kind === 'undo') return done.length > 0;
  if (edit.kind === 'redo') return undone.length > 0;
  return replay(analysis, index, [...edits, edit]).done.length > done.length;
}

/** The action undo would take back and the one redo would bring back, after `edits`. */
export function pendingActions(analysis: Analysis, edits: readonly Edit[]): PendingActions {
  const { done, undone } = replay(analysis, indexAnalysis(analysis), edits);
  const last = done.at(-1);
  const undo = last ? done.slice(newestActionStart(done)).map((step) => step.edit) : null;
  return { undo, redo: undone.at(-1) ?? null };
}

/** The id for the next person made by a split: never reused, even after the split is undone. */
export function nextClusterId(analysis: Analysis, edits: readonly Edit[]): number {
  let max = -1;
  for (const cluster of analysis.clusters) max = Math.max(max, cluster.id);
  for (const edit of edits) if (edit.kind === 'split') max = Math.max(max, edit.newCluster);
  return max + 1;
}

function replay(analysis: Analysis, index: AnalysisIndex, edits: readonly Edit[]): History {
  const people: People = new Map(analysis.clusters.map((c) => [c.id, c.known ? recognised(c.id, c.tracks, c.known) : untagged(c.id, c.tracks)]));
  let state: State = { people, voices: NO_VOICE_EDITS };
  const done: Step[] = [];
  let undone: Change[][] = [];
  for (const edit of edits) {
    if (edit.kind === 'undo') {
      // One undo takes back every edit of the newest action (edits sharing a group).
      const start = newestActionStart(done);
      const action = done.splice(start);
      if (action[0]) {
        state = action[0].before;
        undone.push(action.map((step) => step.edit));
      }
      continue;
    }
    if (edit.kind === 'redo') {
      for (const change of undone.pop() ?? []) {
        const next = checkShape(change) || checkAgainst(analysis, state.people, change) ? state : applyOne(index, state, change);
        if (next !== state) done.push({ before: state, edit: change });
        state = next;
      }
      continue;
    }
    if (checkShape(edit) || checkAgainst(analysis, state.people, edit)) continue;
    const next = applyOne(index, state, edit);
    if (next === state) continue;
    done.push({ before: state, edit });
    undone = [];
    state = next;
  }
  return { state, done, undone };
}

/** Where the newest action starts in `done`: its edits share a group (a split into several people). */
function newestActionStart(done: readonly Step[]): number {
  const group = done.at(-1)?.edit.group;
  let start = done.length - 1;
  while (group !== undefined && start > 0 && done[start - 1]!.edit.group === group) start -= 1;
  return Math.max(start, 0);
}

/** The new state, or the same object when the edit changes nothing. */
function applyOne(index: AnalysisIndex, state: State, edit: Change): State {
  if (isVoiceEdit(edit)) {
    const voices = applyVoiceEdit(state.voices, edit);
    return voices === state.voices ? state : { ...state, voices };
  }
  const people = applyPersonEdit(index, state.people, edit);
  if (people === state.people) return state;
  return { people, voices: edit.kind === 'merge' ? renameSpeaker(state.voices, edit.from, edit.into) : state.voices };
}

function applyPersonEdit(index: AnalysisIndex, people: People, edit: Exclude<Change, { kind: 'tag-voice' | 'speaker' }>): People {
  const next = new Map(people);
  const tagged = (p: Person, tag: Tag, origin: TagOrigin): Person => ({ ...p, tag, tagOrigin: origin, taggedBy: edit.by, taggedOnBehalfOf: edit.onBehalfOf ?? null, taggedAt: edit.at });
  switch (edit.kind) {
    case 'tag': {
      const person = people.get(edit.cluster) as Person;
      if (person.tag === edit.tag && person.tagOrigin === 'person') return people;
      next.set(person.id, tagged(person, edit.tag, 'person'));
      break;
    }
    case 'accept-suggestions': {
      let isChanged = false;
      for (const id of new Set(edit.clusters)) {
        const person = people.get(id) as Person;
        const suggestion = suggestionOf(index, person);
        if (person.tag !== null || !suggestion) continue;
        next.set(id, tagged(person, suggestion.gender, 'suggestion'));
        isChanged = true;
      }
      if (!isChanged) return people;
      break;
    }
    case 'name': {
      const person = people.get(edit.cluster) as Person;
      if (person.name === edit.name.trim()) return people;
      next.set(person.id, { ...person, name: edit.name.trim() });
      break;
    }
    case 'not-known': {
      // "Not them": the library's tag goes with the recognition; a person's own tag stays.
      const person = people.get(edit.cluster) as Person;
      const isLibraryTag = person.tagOrigin === 'library';
      next.set(person.id, { ...person, known: null, ...(isLibraryTag ? { tag: null, tagOrigin: null, taggedBy: null, taggedOnBehalfOf: null, taggedAt: null } : {}) });
      break;
    }
    case 'merge': {
      const into = people.get(edit.into) as Person;
      const from = people.get(edit.from) as Person;
      // A tag given here wins over one from the library, which wins over an accepted suggestion.
      const keeper = tagRank(from) > tagRank(into) ? from : into;
      const tracks = [...into.tracks, ...from.tracks].sort((a, b) => a - b);
      next.set(into.id, { ...keeper, id: into.id, tracks, name: into.name ?? from.name, known: keeper.known ?? into.known ?? from.known });
      next.delete(from.id);
      break;
    }
    case 'split': {
      const person = people.get(edit.cluster) as Person;
      const moved = new Set(edit.tracks);
      next.set(person.id, { ...person, tracks: person.tracks.filter((t) => !moved.has(t)) });
      next.set(edit.newCluster, untagged(edit.newCluster, [...moved].sort((a, b) => a - b)));
      break;
    }
  }
  return next;
}

function checkShape(edit: Edit): OnscreenError | null {
  const bad = (message: string): OnscreenError => new OnscreenError('bad_request', message);
  if (typeof edit !== 'object' || edit === null) return bad('An edit must be an object.');
  if (typeof edit.by !== 'string' || edit.by.trim() === '') return bad('An edit needs `by`: who made it.');
  if (typeof edit.at !== 'string' || Number.isNaN(Date.parse(edit.at))) return bad('An edit needs `at`: an ISO date.');
  if (edit.onBehalfOf !== undefined) {
    const why = typeof edit.onBehalfOf === 'string' ? checkOnBehalfOf(edit.onBehalfOf) : 'is not text';
    if (why) return bad(`An edit's \`onBehalfOf\` ${why}.`);
  }
  switch (edit.kind) {
    case 'tag':
      return TAGS.includes(edit.tag) ? null : bad(`Unknown tag "${String(edit.tag)}"; use one of ${TAGS.join(', ')}.`);
    case 'merge':
      return edit.into === edit.from ? bad('A person cannot be merged into itself.') : null;
    case 'split':
      if (!Array.isArray(edit.tracks) || edit.tracks.length === 0) return bad('A split needs at least one track to move.');
      return Number.isInteger(edit.newCluster) ? null : bad('A split needs an integer `newCluster`.');
    case 'accept-suggestions':
      return Array.isArray(edit.clusters) ? null : bad('`clusters` must be a list of person ids.');
    case 'name': {
      const problem = checkName(edit.name);
      return problem ? bad(problem) : null;
    }
    case 'not-known':
    case 'undo':
    case 'redo':
      return null;
    case 'tag-voice':
    case 'speaker':
      return checkVoiceShape(edit);
    default:
      return bad(`Unknown edit kind "${String((edit as { kind?: unknown }).kind)}".`);
  }
}

function checkAgainst(analysis: Analysis, people: People, edit: Change): OnscreenError | null {
  const unknown = (id: number): OnscreenError => new OnscreenError('cluster_unknown', `There is no person ${id}.`);
  switch (edit.kind) {
    case 'tag-voice':
    case 'speaker':
      return checkVoiceAgainst(analysis, (id) => people.has(id), edit);
    case 'tag':
    case 'name':
      return people.has(edit.cluster) ? null : unknown(edit.cluster);
    case 'not-known': {
      const person = people.get(edit.cluster);
      if (!person) return unknown(edit.cluster);
      return person.known ? null : new OnscreenError('bad_request', `Person ${edit.cluster} was not recognised from the library: there is nothing to reject.`);
    }
    case 'accept-suggestions': {
      const missing = edit.clusters.find((id) => !people.has(id));
      return missing === undefined ? null : unknown(missing);
    }
    case 'merge':
      return [edit.into, edit.from].filter((id) => !people.has(id)).map(unknown)[0] ?? null;
    case 'split': {
      const person = people.get(edit.cluster);
      if (!person) return unknown(edit.cluster);
      const stray = edit.tracks.find((t) => !person.tracks.includes(t));
      if (stray !== undefined) return new OnscreenError('track_unknown', `Person ${edit.cluster} has no track ${stray}.`);
      if (new Set(edit.tracks).size >= person.tracks.length) {
        return new OnscreenError('bad_request', `Moving every track of person ${edit.cluster} would leave nobody behind; keep at least one.`);
      }
      return people.has(edit.newCluster) ? new OnscreenError('bad_request', `Person ${edit.newCluster} already exists.`) : null;
    }
  }
}

function untagged(id: number, tracks: readonly number[]): Person {
  return { id, tracks: [...tracks].sort((a, b) => a - b), tag: null, tagOrigin: null, taggedBy: null, taggedOnBehalfOf: null, taggedAt: null, name: null, known: null };
}

/** A cluster recognised from the people library starts with the library's tag, marked as such. */
function recognised(id: number, tracks: readonly number[], known: Known): Person {
  return { ...untagged(id, tracks), tag: known.gender, tagOrigin: 'library', taggedBy: known.taggedBy, taggedOnBehalfOf: known.taggedOnBehalfOf ?? null, known };
}

function tagRank(person: Person): number {
  const ranks: Record<TagOrigin, number> = { person: 3, library: 2, suggestion: 1 };
  return person.tagOrigin ? ranks[person.tagOrigin] : 0;
}

/** The analysis cluster this person still is exactly (same tracks), if any: its precomputed views stay valid. */
function unchangedCluster(index: AnalysisIndex, person: Person) {
  const cluster = index.clusters.get(person.id);
  if (!cluster || cluster.tracks.length !== person.tracks.length) return undefined;
  const own = new Set(person.tracks);
  return cluster.tracks.every((t) => own.has(t)) ? cluster : undefined;
}

function suggestionOf(index: AnalysisIndex, person: Person): Suggestion | null {
  const cluster = unchangedCluster(index, person);
  if (cluster) return cluster.suggestion;
  return suggestGender(person.tracks.flatMap((id) => index.tracks.get(id) ?? []));
}

function toView(analysis: Analysis, index: AnalysisIndex, person: Person): PersonView {
  const faces = countedFaces(analysis, index, person.tracks);
  const cluster = unchangedCluster(index, person);
  const tracks = person.tracks.flatMap((id) => index.tracks.get(id) ?? []);
  const quality = (faceId: number): number => analysis.faces[faceId]?.quality ?? -1;
  const best = tracks.reduce<(typeof tracks)[number] | undefined>((a, t) => (a && quality(a.bestFace) >= quality(t.bestFace) ? a : t), undefined);
  const sources = new Set(person.tracks.flatMap((t) => index.clusterOfTrack.get(t) ?? []));
  return {
    id: person.id,
    tracks: [...person.tracks],
    faces: faces.length,
    seconds: secondsOfSamples(index.intervals, faces.map((f) => f.sample)),
    suggestion: suggestionOf(index, person),
    tag: person.tag,
    tagOrigin: person.tagOrigin,
    taggedBy: person.taggedBy,
    taggedOnBehalfOf: person.taggedOnBehalfOf,
    taggedAt: person.taggedAt,
    thumbnail: cluster?.thumbnail ?? best?.thumbnail ?? '',
    showAt: cluster?.showAt ?? (best ? (analysis.faces[best.bestFace]?.t ?? best.start) : 0),
    sourceClusters: [...sources].sort((a, b) => a - b),
    name: person.name ?? person.known?.name ?? null,
    known: person.known,
    appearances: [...new Set(tracks.map((t) => t.start))].sort((a, b) => a - b),
    ...(cluster?.doubt ? { doubt: cluster.doubt } : {}),
  };
}
