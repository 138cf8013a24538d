/**
 * Pose and plausibility from 68 iBUG landmarks (x0 y0 x1 y1 …), cheap enough for every face.
 */

/** Index of each point's mirror image in the iBUG 68 scheme (jaw, brows, nose, eyes, lips). */
export const MIRROR_68: readonly number[] = [
  16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
  26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
  27, 28, 29, 30, 35, 34, 33, 32, 31,
  45, 44, 43, 42, 47, 46, 39, 38, 37, 36, 41, 40,
  54, 53, 52, 51, 50, 49, 48, 59, 58, 57, 56, 55,
  64, 63, 62, 61, 60, 67, 66, 65,
];

/**
 * Yaw as asymmetry 0..1: how unequal the two halves of the face are, measured from the nose tip to the
 * jaw line at cheek height (points 2 and 14) along the eye line. 0 = frontal, ~0.6+ = profile.
 */
export function estimateYaw(points: Float32Array): number {
  const ex = points[2 * 45]! - points[2 * 36]!;
  const ey = points[2 * 45 + 1]! - points[2 * 36 + 1]!;
  const norm = Math.hypot(ex, ey) || 1;
  const along = (i: number): number => ((points[2 * i]! - points[2 * 30]!) * ex + (points[2 * i + 1]! - points[2 * 30 + 1]!) * ey) / norm;
  const left = Math.max(0, -along(2));
  const right = Math.max(0, along(14));
  const total = left + right;
  return total > 0 ? Math.abs(left - right) / total : 1;
}

/** Roll in radians: the angle of the line from the left eye's outer corner to the right eye's. */
export function estimateRoll(points: Float32Array): number {
  return Math.atan2(points[2 * 45 + 1]! - points[2 * 36 + 1]!, points[2 * 45]! - points[2 * 36]!);
}

/**
 * Disagreement between landmarks found on a crop and on its mirror image (already mapped back to source
 * pixels and mirrored), as mean point distance over the crop side. On real faces the model agrees with
 * itself (~0.02); on things that are not faces it guesses, and the two guesses differ.
 */
export function mirrorDisagreement(points: Float32Array, mirroredPoints: Float32Array, cropSide: number): number {
  let sum = 0;
  for (let i = 0; i < 68; i++) {
    const j = MIRROR_68[i]!;
    sum += Math.hypot(points[2 * i]! - mirroredPoints[2 * j]!, points[2 * i + 1]! - mirroredPoints[2 * j + 1]!);
  }
  return sum / 68 / cropSide;
}
