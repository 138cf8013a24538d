import type { Affine } from './affine.js';

/**
 * Least-squares similarity transform (scale, rotation, translation) taking `from[i]` onto `to[i]`
 * (Umeyama 1991, without reflection). Points are [x, y] pairs; at least two distinct points are needed.
 */
export function estimateSimilarity(from: ArrayLike<readonly [number, number]>, to: ArrayLike<readonly [number, number]>): Affine {
  const n = from.length;
  if (n !== to.length || n < 2) throw new RangeError('estimateSimilarity needs two equal lists of at least 2 points');
  let mfx = 0, mfy = 0, mtx = 0, mty = 0;
  for (let i = 0; i < n; i++) {
    mfx += from[i]![0]; mfy += from[i]![1];
    mtx += to[i]![0]; mty += to[i]![1];
  }
  mfx /= n; mfy /= n; mtx /= n; mty /= n;

  // For 2-D similarity the Umeyama solution reduces to: a = Σ(p·q)/Σ|p|², b = Σ(p×q)/Σ|p|²,
  // with p, q the centred points; (a, b) = s (cos θ, sin θ).
  let dot = 0, cross = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i]![0] - mfx, py = from[i]![1] - mfy;
    const qx = to[i]![0] - mtx, qy = to[i]![1] - mty;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm < 1e-12) throw new RangeError('estimateSimilarity: the source points coincide');
  const a = dot / norm;
  const b = cross / norm;
  return [a, -b, mtx - (a * mfx - b * mfy), b, a, mty - (b * mfx + a * mfy)];
}
