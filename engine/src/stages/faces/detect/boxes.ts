/** A candidate face in source pixels, corner form, with the detector view it came from. */
export interface Candidate {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
  /** Index of the detector view (0 = whole frame, then tiles). */
  view: number;
}

export function areaOf(b: Candidate): number {
  return Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
}

export function intersectionOf(a: Candidate, b: Candidate): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > 0 && h > 0 ? w * h : 0;
}

export function iouOf(a: Candidate, b: Candidate): number {
  const inter = intersectionOf(a, b);
  const union = areaOf(a) + areaOf(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** Greedy non-maximum suppression: keeps the best-scoring box of every group overlapping by more than `maxIou`. */
export function suppressOverlaps(candidates: readonly Candidate[], maxIou: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.every((k) => iouOf(k, c) <= maxIou)) kept.push(c);
  }
  return kept;
}

/**
 * Drops a box that lies mostly (`minInside` of its area) inside a bigger box found in another view:
 * the same face seen whole at one scale and cut by a tile edge, or seen twice at two scales.
 * (Faces do not nest; a box inside a face's box is a part of it: an eye seen as a face by a fine tile.)
 */
export function suppressContained(candidates: readonly Candidate[], minInside: number): Candidate[] {
  return candidates.filter((small) => {
    const smallArea = areaOf(small);
    return !candidates.some((big) => {
      if (big === small || big.view === small.view) return false;
      const bigArea = areaOf(big);
      if (bigArea <= smallArea) return false;
      return intersectionOf(big, small) >= minInside * smallArea;
    });
  });
}
