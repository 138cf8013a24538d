/**
 * The people library (issue 9): people a person has tagged, remembered across videos so that the
 * next analysis recognises them. The contract shared by the CLI, the service and the surfaces.
 */
import { describeActor } from './actor.js';
import type { Tag } from './analysis.js';

/** The tags a library keeps: only what a person said, never "not a face". */
export type LibraryGender = Exclude<Tag, 'not-face'>;
export const LIBRARY_GENDERS: readonly LibraryGender[] = ['female', 'male', 'unknown'];

/** `clusters[].known`: the library person this cluster was recognised as. */
export interface Known {
  /** The library person's id, e.g. "p12". */
  person: string;
  name: string | null;
  gender: LibraryGender;
  /** Similarity of the best-matching face signatures, 0..1 (cosine): above the recognition threshold. */
  similarity: number;
  /** Who gave the library person its tag: the client (an API token's name, the command line's user)... */
  taggedBy: string;
  /** ...and the person it acted for, if it said (absent in analyses made before: `taggedBy` then may name the person). */
  taggedOnBehalfOf?: string | null;
  /** How many analyses the library person was seen in before this one. */
  videos: number;
}

/** A library person as lists and pages show it (without face signatures). */
export interface LibraryPersonSummary {
  id: string;
  name: string | null;
  gender: LibraryGender;
  /** Who gave the tag: the client, and the person it acted for (null when none). */
  taggedBy: string;
  taggedOnBehalfOf: string | null;
  exemplars: number;
  seenIn: SeenIn[];
  /** Who added the person, and who changed them last, as text ("Ana (via newsroom)"). */
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** One analysis a library person was seen in, with what a report across videos needs. */
export interface SeenIn {
  /** The analysis' key: a job id in the service, a digest of the analysis for a folder. */
  analysis: string;
  source: string;
  title: string | null;
  /** When the analysis was made (ISO). */
  analysedAt: string;
  /** The video's duration and this person's own screen time in it, seconds. */
  duration: number;
  seconds: number;
  /** The person ids in that analysis (one person may have been found as several). */
  clusters: number[];
}

/** Names are for people to read: short, printable, on one line. */
export const MAX_NAME_LENGTH = 120;

/** Why `name` is not a usable name, or null. */
export function checkName(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'A name cannot be empty.';
  if (name.trim().length > MAX_NAME_LENGTH) return `A name can have at most ${MAX_NAME_LENGTH} characters; this one has ${name.trim().length}.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A name cannot contain line breaks or control characters.';
  return null;
}

/** How each surface says it: "Recognised: Ana Lima, tagged female by sam" or "seen in 3 videos". */
export function describeKnown(known: Known): string {
  const who = known.name ?? `seen in ${known.videos} ${known.videos === 1 ? 'video' : 'videos'}`;
  return `Recognised: ${who}, tagged ${known.gender} by ${describeActor({ by: known.taggedBy, onBehalfOf: known.taggedOnBehalfOf })}`;
}
