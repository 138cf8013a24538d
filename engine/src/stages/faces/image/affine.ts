/**
 * A 2x3 affine matrix [a, b, c, d, e, f] mapping (x, y) to (a x + b y + c, d x + e y + f).
 * Coordinates are pixel indices (pixel centres at integers), as OpenCV's warpAffine uses them.
 */
export type Affine = readonly [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

export function invertAffine(m: Affine): Affine {
  const [a, b, c, d, e, f] = m;
  const det = a * e - b * d;
  if (Math.abs(det) < 1e-12) throw new RangeError('affine matrix is not invertible');
  const ia = e / det;
  const ib = -b / det;
  const id = -d / det;
  const ie = a / det;
  return [ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f)];
}

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

/** A similarity transform: uniform scale `s`, rotation `theta` (radians), then translation. */
export function makeSimilarity(s: number, theta: number, tx: number, ty: number): Affine {
  const a = s * Math.cos(theta);
  const b = s * Math.sin(theta);
  return [a, -b, tx, b, a, ty];
}
