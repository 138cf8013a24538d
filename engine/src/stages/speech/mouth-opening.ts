/**
 * How open a mouth is, from the 68 iBUG landmarks: the mean gap between the inner lips (points
 * 61-67, 62-66, 63-65) over the face's size (the side of the box the landmarks were found in), so
 * that a close-up and a wide shot compare. About 0 for a closed mouth, 0.05-0.15 for speech. Pure.
 */

const INNER_LIP_PAIRS: readonly (readonly [number, number])[] = [
  [61, 67],
  [62, 66],
  [63, 65],
];

/** `points` as x0 y0 x1 y1 … (68 points); `faceSize` in the same pixels. */
export function mouthOpening(points: ArrayLike<number>, faceSize: number): number {
  if (points.length < 136) throw new RangeError(`68 landmarks expected, got ${points.length / 2}`);
  if (!(faceSize > 0)) return 0;
  let gap = 0;
  for (const [upper, lower] of INNER_LIP_PAIRS) {
    const dx = points[2 * lower]! - points[2 * upper]!;
    const dy = points[2 * lower + 1]! - points[2 * upper + 1]!;
    gap += Math.hypot(dx, dy);
  }
  return gap / INNER_LIP_PAIRS.length / faceSize;
}

/** How much a mouth moved: the standard deviation of its openings. */
export function mouthMotion(openings: readonly number[]): number {
  if (openings.length === 0) return 0;
  const mean = openings.reduce((a, b) => a + b, 0) / openings.length;
  return Math.sqrt(openings.reduce((a, x) => a + (x - mean) ** 2, 0) / openings.length);
}
