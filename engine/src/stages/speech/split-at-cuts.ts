/**
 * Speech cut where the picture cuts. The voice model hears no cut: a voice-over that ends as the
 * next talking head begins comes out as one segment, though it is two people; and whoever is seen
 * changes at a cut. So each shot's piece is attributed, and grouped into a voice, on its own (a
 * voice that goes on across a cut comes back together when the pieces are grouped). Pure.
 */
import type { Segment } from './speech-segments.js';

export interface CutPiece<T> {
  start: number;
  end: number;
  /** The segment this piece comes from. */
  from: T;
}

/**
 * Pieces are kept to the millisecond while cuts come from frame times (13.0000313): a cut this close
 * to a piece's edge is that edge, not a cut inside it (cutting again would leave a sliver of no
 * length, and split one shot's speech into two pieces of one segment).
 */
const SAME_TIME = 0.001;

/** Each segment split at the cuts inside it (seconds, any order). Pieces keep their segment; none is dropped. */
export function splitAtCuts<T extends { start: number; end: number }>(segments: readonly T[], cuts: readonly number[]): CutPiece<T>[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: CutPiece<T>[] = [];
  let c = 0;
  for (const segment of segments) {
    while (c < sorted.length && sorted[c]! < segment.start + SAME_TIME) c++;
    let start = segment.start;
    for (let k = c; k < sorted.length && sorted[k]! <= segment.end - SAME_TIME; k++) {
      pieces.push({ start, end: sorted[k]!, from: segment });
      start = sorted[k]!;
    }
    pieces.push({ start, end: segment.end, from: segment });
  }
  return pieces;
}

/** The voice model's segments split at the cuts; pieces shorter than `minPiece` seconds are dropped, times to the millisecond. */
export function cutSegments(segments: readonly Segment[], cuts: readonly number[], minPiece = 0.1): Segment[] {
  return splitAtCuts(segments.map(([start, end]) => ({ start, end })), cuts)
    .filter((p) => p.end - p.start >= minPiece)
    .map((p): Segment => [round3(p.start), round3(p.end)]);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
