/**
 * Recognition: which people of an analysis are people of the library. Pure.
 *
 * A group (a cluster, or a person after merges) is compared with each library person exemplar by
 * exemplar: the similarity is the mean of the `topK` best track-to-exemplar cosine similarities, so
 * one lucky pair does not decide alone. A match needs the similarity to reach `threshold` (chosen on
 * the evaluation material so that wrong recognitions stay rarer than 1 in 200 people found, see
 * docs/evaluation.md) and to beat the next library person by `margin`. Matches are then assigned
 * best first, and two groups seen in one sample are never the same library person.
 */
import type { LibraryPerson } from './library-person.js';
import { dot, type TrackSignature } from './track-signatures.js';

export interface RecognitionOptions {
  threshold: number;
  margin: number;
  topK: number;
  /** Tracks of a group compared, best quality first: enough to cover its shots, few enough to stay fast. */
  maxTracks: number;
}

/**
 * On bench2/dev cut into two episodes (npm run eval, both directions, 51 clusters against libraries of
 * 23 and 27 people): the closest wrong library person reached 0.29, the right one 0.50 or more for
 * every remembered person but one (0.14, a synthetic face in other media). 0.45 leaves 0.16 above the
 * closest impostor and recognises 15 of 16 remembered clusters each way.
 */
export const DEFAULT_RECOGNITION_OPTIONS: RecognitionOptions = { threshold: 0.45, margin: 0.05, topK: 2, maxTracks: 12 };

export interface RecognitionGroup {
  id: number;
  signatures: readonly TrackSignature[];
}

export interface Recognition {
  group: number;
  person: string;
  similarity: number;
}

export function recognise(groups: readonly RecognitionGroup[], people: readonly LibraryPerson[], options: RecognitionOptions = DEFAULT_RECOGNITION_OPTIONS): Recognition[] {
  const candidates: Recognition[] = [];
  for (const group of groups) {
    const scored = people.map((p) => ({ person: p.id, similarity: similarity(group.signatures, p, options) })).sort((a, b) => b.similarity - a.similarity);
    const [best, second] = scored;
    if (!best || best.similarity < options.threshold) continue;
    if (second && best.similarity - second.similarity < options.margin) continue;
    candidates.push({ group: group.id, ...best });
  }
  return assignOneToOne(candidates, groups);
}

/** Mean of the top-k similarities between the group's best tracks and the person's exemplars (0 when either has none). */
export function similarity(signatures: readonly TrackSignature[], person: LibraryPerson, options: Pick<RecognitionOptions, 'topK' | 'maxTracks'>): number {
  const tracks = [...signatures].sort((a, b) => b.quality - a.quality).slice(0, options.maxTracks);
  const pairs: number[] = [];
  for (const t of tracks) for (const e of person.exemplars) pairs.push(dot(t.vector, e.vector));
  if (pairs.length === 0) return 0;
  pairs.sort((a, b) => b - a);
  const top = pairs.slice(0, options.topK);
  return top.reduce((a, b) => a + b, 0) / top.length;
}

/** Best first; a group seen in the same sample as a group already given that person stays unrecognised. */
function assignOneToOne(candidates: Recognition[], groups: readonly RecognitionGroup[]): Recognition[] {
  const samplesOf = new Map(groups.map((g) => [g.id, new Set(g.signatures.flatMap((s) => [...s.samples]))]));
  const byPerson = new Map<string, number[]>();
  const out: Recognition[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.similarity - a.similarity || a.group - b.group)) {
    const mine = samplesOf.get(candidate.group)!;
    const taken = byPerson.get(candidate.person) ?? [];
    if (taken.some((other) => [...samplesOf.get(other)!].some((s) => mine.has(s)))) continue;
    taken.push(candidate.group);
    byPerson.set(candidate.person, taken);
    out.push(candidate);
  }
  return out.sort((a, b) => a.group - b.group);
}
