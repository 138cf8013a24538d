/**
 * The inside part of one output row of `cropResizeToTensor`, per kind of row: each reads a pixel and the
 * next one (6 bytes, see `pixelPairsOf`) in two loads. The operations, and their order, are those of the
 * plain version in test/fixtures/image/samplers.reference.ts, so the values are the same to the bit.
 */
import type { Taps } from './taps.js';

/** Where one output channel goes (offset of its plane in the tensor), its mean and scale, and its normalised fill. */
export interface Plane {
  offset: number;
  mean: number;
  scale: number;
  fill: number;
}

/** One output row's inside columns from source row `r0` alone (the lower tap has no weight). */
export function sampleRgbRow(pixels: DataView, cols: Taps, r0: number, target: Float32Array, row: number, pR: Plane, pG: Plane, pB: Plane): void {
  const { a, w, first, end } = cols;
  const mR = pR.mean, mG = pG.mean, mB = pB.mean;
  const sR = pR.scale, sG = pG.scale, sB = pB.scale;
  const oR = pR.offset + row, oG = pG.offset + row, oB = pB.offset + row;
  for (let i = first; i < end; i++) {
    const p = r0 + a[i]!, wx = w[i]!;
    // Bytes p .. p + 5: R G B of this pixel, then of the next (little-endian: the first byte lowest).
    const lo = pixels.getUint32(p, true), hi = pixels.getUint16(p + 4, true);
    const vR = lo & 255, vG = (lo >>> 8) & 255, vB = (lo >>> 16) & 255;
    target[oR + i] = (vR + ((lo >>> 24) - vR) * wx - mR) * sR;
    target[oG + i] = (vG + ((hi & 255) - vG) * wx - mG) * sG;
    target[oB + i] = (vB + ((hi >>> 8) - vB) * wx - mB) * sB;
  }
}

/** One output row's inside columns from source rows `r0` and `r1`, the lower one weighted `wy`. */
export function sampleRgbRows(pixels: DataView, cols: Taps, r0: number, r1: number, wy: number, target: Float32Array, row: number, pR: Plane, pG: Plane, pB: Plane): void {
  const { a, w, first, end } = cols;
  const mR = pR.mean, mG = pG.mean, mB = pB.mean;
  const sR = pR.scale, sG = pG.scale, sB = pB.scale;
  const oR = pR.offset + row, oG = pG.offset + row, oB = pB.offset + row;
  for (let i = first; i < end; i++) {
    const x = a[i]!, wx = w[i]!;
    const lo0 = pixels.getUint32(r0 + x, true), hi0 = pixels.getUint16(r0 + x + 4, true);
    const lo1 = pixels.getUint32(r1 + x, true), hi1 = pixels.getUint16(r1 + x + 4, true);
    const uR = lo0 & 255, uG = (lo0 >>> 8) & 255, uB = (lo0 >>> 16) & 255;
    const dR = lo1 & 255, dG = (lo1 >>> 8) & 255, dB = (lo1 >>> 16) & 255;
    const tR = uR + ((lo0 >>> 24) - uR) * wx;
    const tG = uG + ((hi0 & 255) - uG) * wx;
    const tB = uB + ((hi0 >>> 8) - uB) * wx;
    target[oR + i] = (tR + (dR + ((lo1 >>> 24) - dR) * wx - tR) * wy - mR) * sR;
    target[oG + i] = (tG + (dG + ((hi1 & 255) - dG) * wx - tG) * wy - mG) * sG;
    target[oB + i] = (tB + (dB + ((hi1 >>> 8) - dB) * wx - tB) * wy - mB) * sB;
  }
}

/** One grey output row's inside columns: BT.601 luma of each source row's samples, blended by `wy`. */
export function sampleGreyRows(pixels: DataView, cols: Taps, r0: number, r1: number, wy: number, target: Float32Array, row: number, plane: Plane): void {
  const { a, w, first, end } = cols;
  const { mean, scale } = plane;
  const o = plane.offset + row;
  for (let i = first; i < end; i++) {
    const x = a[i]!, wx = w[i]!;
    const lo0 = pixels.getUint32(r0 + x, true), hi0 = pixels.getUint16(r0 + x + 4, true);
    const lo1 = pixels.getUint32(r1 + x, true), hi1 = pixels.getUint16(r1 + x + 4, true);
    const uR = lo0 & 255, uG = (lo0 >>> 8) & 255, uB = (lo0 >>> 16) & 255;
    const dR = lo1 & 255, dG = (lo1 >>> 8) & 255, dB = (lo1 >>> 16) & 255;
    const top = 0.299 * (uR + ((lo0 >>> 24) - uR) * wx) + 0.587 * (uG + ((hi0 & 255) - uG) * wx) + 0.114 * (uB + ((hi0 >>> 8) - uB) * wx);
    const bottom = 0.299 * (dR + ((lo1 >>> 24) - dR) * wx) + 0.587 * (dG + ((hi1 & 255) - dG) * wx) + 0.114 * (dB + ((hi1 >>> 8) - dB) * wx);
    target[o + i] = (top + (bottom - top) * wy - mean) * scale;
  }
}
