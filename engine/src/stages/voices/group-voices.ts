/**
 * Speech pieces grouped into voices: agglomerative, average linkage, stopping at a conservative
 * distance (a wrong figure is worse than a missing one: one voice split in two is a smaller error
 * than two people counted as one). Two rules come before the sound:
 *   - pieces where the same person is seen speaking are one voice from the start;
 *   - pieces of two different people seen speaking are never joined.
 * Pieces with too little voiced sound to judge join their person's voice, or else a voice heard
 * right before or after them in the same shot, or else none. Pure.
 */
import { summarize, type VoiceFeatures, type VoiceSummary } from './voice-features.js';
import { averageLinkage } from './average-linkage.js';
import { DISTANCE_SETTINGS, voiceDistance, type DistanceSettings } from './voice-distance.js';

export interface VoicePiece {
  start: number;
  end: number;
  /** The person seen speaking, or null. */
  person: number | null;
  features: VoiceFeatures;
}

export interface GroupingSettings {
  /** Groups further apart than this stay apart. */
  threshold: number;
  /** Fewer voiced frames than this are too little to judge a piece by its sound. */
  minVoicedFrames: number;
  /** A piece too short to judge takes a neighbour's voice if the gap is this small (seconds) and no cut lies between. */
  neighbourGap: number;
  distance: DistanceSettings;
}

export const GROUPING_SETTINGS: GroupingSettings = { threshold: 0.4, minVoicedFrames: 20, neighbourGap: 0.5, distance: DISTANCE_SETTINGS };

/** The voice of each piece (0, 1, … in order of first appearance), or null. `cuts`: seconds, ascending. */
export function groupVoices(pieces: readonly VoicePiece[], cuts: readonly number[], settings: GroupingSettings = GROUPING_SETTINGS): (number | null)[] {
  const summaries = pieces.map((p) => summarize(p.features));
  const judged = pieces.map((_, i) => i).filter((i) => summaries[i]!.voicedFrames >= settings.minVoicedFrames);
  const groups = seedGroups(judged, pieces);
  mergeClosest(groups, summaries, settings);
  const groupOf: (number | null)[] = pieces.map(() => null);
  groups.forEach((g, k) => g.members.forEach((i) => (groupOf[i] = k)));
  const personGroup = new Map<number, number>();
  groups.forEach((g, k) => g.person !== null && personGroup.set(g.person, k));
  pieces.forEach((piece, i) => {
    if (groupOf[i] !== null) return;
    if (piece.person !== null) {
      if (!personGroup.has(piece.person)) personGroup.set(piece.person, groups.push({ members: [], person: piece.person }) - 1);
      groupOf[i] = personGroup.get(piece.person)!;
    }
  });
  pieces.forEach((piece, i) => {
    if (groupOf[i] === null) groupOf[i] = neighbourVoice(pieces, groupOf, i, cuts, settings.neighbourGap);
  });
  return renumberByFirstAppearance(groupOf);
}

interface Group {
  members: number[];
  person: number | null;
}

function seedGroups(judged: number[], pieces: readonly VoicePiece[]): Group[] {
  const groups: Group[] = [];
  const byPerson = new Map<number, Group>();
  for (const i of judged) {
    const person = pieces[i]!.person;
    const existing = person === null ? undefined : byPerson.get(person);
    if (existing) existing.members.push(i);
    else {
      const group = { members: [i], person };
      groups.push(group);
      if (person !== null) byPerson.set(person, group);
    }
  }
  return groups;
}

/** Average linkage over the pieces' distances, merging the closest allowed pair until none is close enough. */
function mergeClosest(groups: Group[], summaries: readonly VoiceSummary[], settings: GroupingSettings): void {
  const d = (i: number, j: number) => voiceDistance(summaries[i]!, summaries[j]!, settings.distance);
  const linkage = (a: Group, b: Group) => {
    let sum = 0;
    for (const i of a.members) for (const j of b.members) sum += d(i, j);
    return sum / (a.members.length * b.members.length);
  };
  const distance = groups.map((a, x) => Float64Array.from(groups, (b, y) => (x === y ? 0 : y < x ? Number.NaN : linkage(a, b))));
  distance.forEach((row, x) => row.forEach((_, y) => y < x && (row[y] = distance[y]![x]!)));
  const merged = averageLinkage({ distance, sizes: groups.map((g) => g.members.length), persons: groups.map((g) => g.person), threshold: settings.threshold });
  const joined = merged.map((parts) => ({ members: parts.flatMap((k) => groups[k]!.members), person: parts.map((k) => groups[k]!.person).find((p) => p !== null) ?? null }));
  groups.splice(0, groups.length, ...joined);
}

function neighbourVoice(pieces: readonly VoicePiece[], groupOf: readonly (number | null)[], i: number, cuts: readonly number[], maxGap: number): number | null {
  const piece = pieces[i]!;
  // Pieces are kept to the millisecond, cuts are frame times (29.0000313): a cut within a millisecond of the gap is in it.
  const isCutBetween = (from: number, to: number) => cuts.some((c) => c >= from - 0.001 && c <= to + 0.001);
  for (const j of [i - 1, i + 1]) {
    const other = pieces[j];
    if (!other || groupOf[j] === null || groupOf[j] === undefined) continue;
    const [from, to] = j < i ? [other.end, piece.start] : [piece.end, other.start];
    if (to - from <= maxGap && !isCutBetween(from, to)) return groupOf[j]!;
  }
  return null;
}

function renumberByFirstAppearance(groupOf: readonly (number | null)[]): (number | null)[] {
  const order = new Map<number, number>();
  for (const g of groupOf) if (g !== null && !order.has(g)) order.set(g, order.size);
  return groupOf.map((g) => (g === null ? null : order.get(g)!));
}
