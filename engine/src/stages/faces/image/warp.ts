import type { Affine } from './affine.js';
import { channelCount, ensureOutput, pixelPairsOf, resolveNorm, type PixelNorm, type RgbImage } from './rgb-image.js';

/**
 * Warps `image` into an `outWidth x outHeight` float32 CHW tensor: output pixel (u, v) samples the source
 * bilinearly at `toSource(u, v)` (so pass the inverse of the source→output transform). As in
 * `cropResizeToTensor`, a point within half a pixel of the picture replicates its edge and one farther out
 * reads `norm.fill`. Writes into `out` at `offset` (allocated when absent).
 *
 * Every face embedded goes through here (issue 12): the norm is resolved once per call and the channels
 * unrolled, and a face well inside the picture (the usual case) is read without edge clamps, a pixel and
 * the next one in two loads. Each value is computed by the same operations, in the same order, as the
 * plain version in test/fixtures/image/samplers.reference.ts (bit for bit the same output, tested).
 */
export function warpAffineToTensor(
  image: RgbImage,
  toSource: Affine,
  outWidth: number,
  outHeight: number,
  norm: PixelNorm,
  out?: Float32Array,
  offset = 0,
): Float32Array {
  const planeSize = outWidth * outHeight;
  const target = ensureOutput(out, offset, planeSize * channelCount(norm));
  const { means, scales, sources } = resolveNorm(norm);
  const fill = norm.fill ?? 0;
  const { width, height, data } = image;
  const stride = width * 3;
  const [a, b, c, d, e, f] = toSource;
  const isGrey = sources[0]! < 0;
  // Per source channel (R, G, B): its output plane, mean and scale (grey: one plane, read as R's).
  const at = (ch: number) => (isGrey ? 0 : sources.indexOf(ch));
  const oR = offset + at(0) * planeSize, oG = offset + at(1) * planeSize, oB = offset + at(2) * planeSize;
  const mR = means[at(0)]!, mG = means[at(1)]!, mB = means[at(2)]!;
  const sR = scales[at(0)]!, sG = scales[at(1)]!, sB = scales[at(2)]!;

  if (!isGrey && isWellInside(toSource, outWidth, outHeight, width, height)) {
    warpInside(image, toSource, outWidth, outHeight, target, { oR, oG, oB, mR, mG, mB, sR, sG, sB });
    return target;
  }
  for (let v = 0; v < outHeight; v++) {
    const bv = b * v, ev = e * v;
    for (let u = 0; u < outWidth; u++) {
      const fx = a * u + bv + c;
      const fy = d * u + ev + f;
      let r = fill, g = fill, bl = fill;
      if (!(fx < -0.5 || fy < -0.5 || fx > width - 0.5 || fy > height - 0.5)) {
        const cx = Math.min(Math.max(fx, 0), width - 1);
        const cy = Math.min(Math.max(fy, 0), height - 1);
        const ix = Math.floor(cx), iy = Math.floor(cy);
        const wx = cx - ix, wy = cy - iy;
        const p00 = iy * stride + ix * 3;
        const p01 = ix + 1 < width ? p00 + 3 : p00;
        const p10 = iy + 1 < height ? p00 + stride : p00;
        const p11 = p10 + (p01 - p00);
        const tR = data[p00]! + (data[p01]! - data[p00]!) * wx;
        const tG = data[p00 + 1]! + (data[p01 + 1]! - data[p00 + 1]!) * wx;
        const tB = data[p00 + 2]! + (data[p01 + 2]! - data[p00 + 2]!) * wx;
        r = tR + (data[p10]! + (data[p11]! - data[p10]!) * wx - tR) * wy;
        g = tG + (data[p10 + 1]! + (data[p11 + 1]! - data[p10 + 1]!) * wx - tG) * wy;
        bl = tB + (data[p10 + 2]! + (data[p11 + 2]! - data[p10 + 2]!) * wx - tB) * wy;
      }
      const index = v * outWidth + u;
      if (isGrey) {
        target[oR + index] = (0.299 * r + 0.587 * g + 0.114 * bl - mR) * sR;
      } else {
        target[oR + index] = (r - mR) * sR;
        target[oG + index] = (g - mG) * sG;
        target[oB + index] = (bl - mB) * sB;
      }
    }
  }
  return target;
}

/** Whether every sample point lies at least a pixel inside the picture (the corners do, and the map is affine). */
function isWellInside(m: Affine, outWidth: number, outHeight: number, width: number, height: number): boolean {
  for (const u of [0, outWidth - 1]) {
    for (const v of [0, outHeight - 1]) {
      const x = m[0] * u + m[1] * v + m[2];
      const y = m[3] * u + m[4] * v + m[5];
      if (!(x >= 1 && y >= 1 && x <= width - 2 && y <= height - 2)) return false;
    }
  }
  return true;
}

/** Where each source channel goes (plane offset), with its mean and scale. */
interface Channels {
  oR: number;
  oG: number;
  oB: number;
  mR: number;
  mG: number;
  mB: number;
  sR: number;
  sG: number;
  sB: number;
}

/** The RGB warp when `isWellInside`: no clamping, and the next pixel and the next row always exist. */
function warpInside(image: RgbImage, toSource: Affine, outWidth: number, outHeight: number, target: Float32Array, channels: Channels): void {
  const { oR, oG, oB, mR, mG, mB, sR, sG, sB } = channels;
  const [a, b, c, d, e, f] = toSource;
  const stride = image.width * 3;
  const pixels = pixelPairsOf(image);
  for (let v = 0; v < outHeight; v++) {
    const bv = b * v, ev = e * v;
    for (let u = 0; u < outWidth; u++) {
      const fx = a * u + bv + c;
      const fy = d * u + ev + f;
      const ix = Math.floor(fx), iy = Math.floor(fy);
      const wx = fx - ix, wy = fy - iy;
      const p = iy * stride + ix * 3;
      // R G B of this pixel and the next, on this row and the next (little-endian: the first byte lowest).
      const lo0 = pixels.getUint32(p, true), hi0 = pixels.getUint16(p + 4, true);
      const lo1 = pixels.getUint32(p + stride, true), hi1 = pixels.getUint16(p + stride + 4, true);
      const uR = lo0 & 255, uG = (lo0 >>> 8) & 255, uB = (lo0 >>> 16) & 255;
      const dR = lo1 & 255, dG = (lo1 >>> 8) & 255, dB = (lo1 >>> 16) & 255;
      const tR = uR + ((lo0 >>> 24) - uR) * wx;
      const tG = uG + ((hi0 & 255) - uG) * wx;
      const tB = uB + ((hi0 >>> 8) - uB) * wx;
      const index = v * outWidth + u;
      target[oR + index] = (tR + (dR + ((lo1 >>> 24) - dR) * wx - tR) * wy - mR) * sR;
      target[oG + index] = (tG + (dG + ((hi1 & 255) - dG) * wx - tG) * wy - mG) * sG;
      target[oB + index] = (tB + (dB + ((hi1 >>> 8) - dB) * wx - tB) * wy - mB) * sB;
    }
  }
}
