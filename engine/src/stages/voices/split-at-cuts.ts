/**
 * Speech segments cut where the picture cuts. The voice model hears no cut: a voice-over that ends
 * as the next talking head begins comes out as one segment, though it is two people. A cut is
 * where the speaker most often changes, so each piece is judged apart (a voice that goes on
 * across a cut comes back together when the pieces are grouped). Pure.
 */

export interface CutPiece<T> {
  start: number;
  end: number;
  /** The segment this piece comes from. */
  from: T;
}

/** `cuts`: seconds, ascending. Pieces keep their segment; none is dropped, however short. */
export function splitAtCuts<T extends { start: number; end: number }>(segments: readonly T[], cuts: readonly number[]): CutPiece<T>[] {
  const pieces: CutPiece<T>[] = [];
  let c = 0;
  for (const segment of segments) {
    while (c < cuts.length && cuts[c]! <= segment.start) c++;
    let start = segment.start;
    for (let k = c; k < cuts.length && cuts[k]! < segment.end; k++) {
      pieces.push({ start, end: cuts[k]!, from: segment });
      start = cuts[k]!;
    }
    pieces.push({ start, end: segment.end, from: segment });
  }
  return pieces;
}
