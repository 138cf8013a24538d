/**
 * A people library's content, as the pure library stages see it (the store turns it into files or rows).
 * A library person is someone a person tagged in some analysis: never a suggestion accepted
 * unchecked, never "not a face". Faces are biometric data: each person keeps a few face signatures
 * (exemplars from different tracks and shots, not one average), one small thumbnail (kept by the
 * store beside this), the analyses they were seen in, and who added or changed them, and when.
 */
import { describeActor, type Actor } from '../../../../shared/src/actor.js';
import type { LibraryGender, LibraryPersonSummary, SeenIn } from '../../../../shared/src/library.js';

export interface Exemplar {
  /** L2-normalised face signature of one track. */
  vector: Float32Array;
  /** The analysis and track it was taken from, and the shot it was in (exemplars come from different shots). */
  analysis: string;
  track: number;
  shot: number;
  /** Mean quality (0..1) of the faces behind it. */
  quality: number;
}

/**
 * Who made a change, as the job's edit history records it (issue 10: store the least, say what is
 * stored): the client (the API token's name, or the command line's user) and the person it acted
 * for, if it said, as two fields; never a display string made from them. They go with the person.
 */
export interface LibraryChange {
  what: 'added' | 'tagged' | 'renamed' | 'exemplars';
  /** The client. */
  by: string;
  /** The person the client acted for; absent when it acted for nobody, and in libraries made before. */
  onBehalfOf?: string;
  at: string;
  /** e.g. the new tag or name, or the analysis that gave exemplars. */
  detail: string;
  /** The analysis it came from (a job id in the service), so that deleting the job can leave it out. */
  analysis?: string;
}

export interface LibraryPerson {
  id: string;
  name: string | null;
  gender: LibraryGender;
  /** Who gave the current tag: the client, and the person it acted for (null when none, or unknown in older libraries). */
  taggedBy: string;
  taggedOnBehalfOf: string | null;
  exemplars: Exemplar[];
  seenIn: SeenIn[];
  history: LibraryChange[];
}

export interface LibraryState {
  /** The embedding model the exemplars came from: signatures of another model are not comparable. */
  model: string | null;
  people: LibraryPerson[];
  /** Next number for a person id ("p<n>"): never reused while the library lives. */
  nextId: number;
}

export const EMPTY_LIBRARY: LibraryState = { model: null, people: [], nextId: 1 };

/** A change's author as stored: the two parts, the person only when there is one. */
export function authorOf(actor: Actor): Pick<LibraryChange, 'by' | 'onBehalfOf'> {
  return { by: actor.by, ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}) };
}

export function summarise(person: LibraryPerson): LibraryPersonSummary {
  const first = person.history[0];
  const last = person.history.at(-1);
  return {
    id: person.id,
    name: person.name,
    gender: person.gender,
    taggedBy: person.taggedBy,
    taggedOnBehalfOf: person.taggedOnBehalfOf,
    exemplars: person.exemplars.length,
    seenIn: person.seenIn,
    createdBy: first ? describeActor(first) : '',
    createdAt: first?.at ?? '',
    updatedBy: last ? describeActor(last) : '',
    updatedAt: last?.at ?? '',
  };
}

/** A person by id ("p3", or "3") or by exact name (case-insensitive), or undefined. */
export function findPerson(state: LibraryState, ref: string): LibraryPerson | undefined {
  const id = /^\d+$/.test(ref) ? `p${ref}` : ref.toLowerCase();
  const byId = state.people.find((p) => p.id === id);
  if (byId) return byId;
  const named = state.people.filter((p) => p.name !== null && p.name.toLowerCase() === ref.trim().toLowerCase());
  return named.length === 1 ? named[0] : undefined;
}
