/**
 * Speech segments cut where the picture cuts: whoever is seen changes at a shot cut, so a sentence
 * that runs over a cut (a voice-over starting under the last second of a talking head, two clips
 * whose speech nearly touches) becomes one piece per shot, each attributed on its own. Pure.
 */
import type { Segment } from './speech-segments.js';

/** Each segment split at the cuts inside it; pieces shorter than `minPiece` seconds are dropped. */
export function splitAtCuts(segments: readonly Segment[], cuts: readonly number[], minPiece = 0.1): Segment[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Segment[] = [];
  for (const [start, end] of segments) {
    let from = start;
    for (const cut of sorted) {
      if (cut <= from || cut >= end) continue;
      pieces.push([from, cut]);
      from = cut;
    }
    pieces.push([from, end]);
  }
  return pieces.filter(([s, e]) => e - s >= minPiece).map(([s, e]) => [round3(s), round3(e)]);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
