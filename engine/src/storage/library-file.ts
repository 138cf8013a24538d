/** library.json: the people library's file format (version 1), checked field by field when read. */
import { checkName, LIBRARY_GENDERS, type LibraryGender } from '../../../shared/src/library.js';
import type { LibraryPerson, LibraryState } from '../stages/library/library-person.js';
import { decodeVector, encodeVector } from '../stages/people/track-embeddings.js';

export const LIBRARY_FORMAT = 'onscreen-people-library';
export const LIBRARY_VERSION = 1;

type StoredPerson = Omit<LibraryPerson, 'exemplars'> & { exemplars: (Omit<LibraryPerson['exemplars'][number], 'vector'> & { vector: string })[] };

export function encodeLibraryFile(state: LibraryState) {
  const people: StoredPerson[] = state.people.map((p) => ({ ...p, exemplars: p.exemplars.map((e) => ({ ...e, vector: encodeVector(e.vector) })) }));
  return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, model: state.model, nextId: state.nextId, people };
}

/** The state, or why the file is damaged. */
export function decodeLibraryFile(file: unknown): LibraryState | string {
  const f = file as { model?: unknown; nextId?: unknown; people?: unknown };
  if (!Number.isInteger(f.nextId) || !Array.isArray(f.people)) return 'no list of people';
  if (f.model !== null && typeof f.model !== 'string') return 'no embedding model';
  const people: LibraryPerson[] = [];
  for (const [k, raw] of (f.people as unknown[]).entries()) {
    const person = decodePerson(raw);
    if (typeof person === 'string') return `person ${k + 1}: ${person}`;
    people.push(person);
  }
  if (new Set(people.map((p) => p.id)).size !== people.length) return 'two people share an id';
  return { model: f.model as string | null, nextId: f.nextId as number, people };
}

function decodePerson(raw: unknown): LibraryPerson | string {
  const p = raw as Partial<StoredPerson> | null;
  if (!p || typeof p.id !== 'string' || !/^p\d+$/.test(p.id)) return 'no valid id';
  if (!LIBRARY_GENDERS.includes(p.gender as LibraryGender)) return 'no valid tag';
  if (p.name !== null && checkName(p.name) !== null) return 'an invalid name';
  if (typeof p.taggedBy !== 'string' || !Array.isArray(p.exemplars) || !Array.isArray(p.seenIn) || !Array.isArray(p.history)) return 'missing fields';
  const exemplars = p.exemplars.map((e) => ({ ...e, vector: decodeVector(e?.vector) }));
  const dimension = exemplars[0]?.vector.length ?? 0;
  if (exemplars.length === 0 || dimension === 0 || exemplars.some((e) => e.vector.length !== dimension)) return 'damaged face signatures';
  // Libraries made before the client and the person were stored apart: `taggedBy` may name either.
  return { ...(p as StoredPerson), taggedOnBehalfOf: typeof p.taggedOnBehalfOf === 'string' ? p.taggedOnBehalfOf : null, exemplars } as LibraryPerson;
}
