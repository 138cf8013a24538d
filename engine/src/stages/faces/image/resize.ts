import { ensureOutput, channelCount, resolveNorm, type PixelNorm, type Rect, type RgbImage } from './rgb-image.js';

/**
 * Crops `rect` out of `image` and resizes it bilinearly to `outWidth x outHeight`, writing a float32 CHW
 * tensor (normalised per `norm`) into `out` at `offset` (allocated when absent). Pixel centres are mapped
 * like OpenCV's INTER_LINEAR (half-pixel offsets). A sample point within half a pixel of the picture
 * replicates its edge; farther out it reads `norm.fill`. Returns the buffer written.
 */
export function cropResizeToTensor(
  image: RgbImage,
  rect: Rect,
  outWidth: number,
  outHeight: number,
  norm: PixelNorm,
  out?: Float32Array,
  offset = 0,
): Float32Array {
  const planeSize = outWidth * outHeight;
  const target = ensureOutput(out, offset, planeSize * channelCount(norm));
  const cols = computeTaps(rect.x, rect.width / outWidth, outWidth, image.width, 3);
  const rows = computeTaps(rect.y, rect.height / outHeight, outHeight, image.height, image.width * 3);
  const { means, scales, sources } = resolveNorm(norm);
  const fill = norm.fill ?? 0;
  const { data } = image;
  // Per output channel: which source byte it reads (0..2) or -1 for grey, and its normalisation.
  const c0 = sources[0]!, c1 = sources[1] ?? 0, c2 = sources[2] ?? 0;
  const m0 = means[0]!, m1 = means[1] ?? 0, m2 = means[2] ?? 0;
  const s0 = scales[0]!, s1 = scales[1] ?? 0, s2 = scales[2] ?? 0;
  const isGrey = c0 < 0;

  for (let j = 0; j < outHeight; j++) {
    const r0 = rows.a[j]!, r1 = rows.b[j]!, wy = rows.w[j]!;
    const rowOut = offset + j * outWidth;
    for (let i = 0; i < outWidth; i++) {
      const x0 = cols.a[i]!, x1 = cols.b[i]!, wx = cols.w[i]!;
      let p0: number, p1: number, p2: number;
      if (r0 < 0 || x0 < 0) {
        p0 = p1 = p2 = fill;
      } else {
        const a = r0 + x0, b = r0 + x1, d = r1 + x0, e = r1 + x1;
        const w00 = (1 - wx) * (1 - wy), w01 = wx * (1 - wy), w10 = (1 - wx) * wy, w11 = wx * wy;
        p0 = data[a]! * w00 + data[b]! * w01 + data[d]! * w10 + data[e]! * w11;
        p1 = data[a + 1]! * w00 + data[b + 1]! * w01 + data[d + 1]! * w10 + data[e + 1]! * w11;
        p2 = data[a + 2]! * w00 + data[b + 2]! * w01 + data[d + 2]! * w10 + data[e + 2]! * w11;
      }
      const index = rowOut + i;
      if (isGrey) {
        target[index] = (0.299 * p0 + 0.587 * p1 + 0.114 * p2 - m0) * s0;
      } else {
        target[index] = ((c0 === 0 ? p0 : c0 === 1 ? p1 : p2) - m0) * s0;
        target[index + planeSize] = ((c1 === 0 ? p0 : c1 === 1 ? p1 : p2) - m1) * s1;
        target[index + 2 * planeSize] = ((c2 === 0 ? p0 : c2 === 1 ? p1 : p2) - m2) * s2;
      }
    }
  }
  return target;
}

interface Taps {
  /** Offset of the first tap (index * stride), or -1 when the sample point is outside the picture. */
  a: Int32Array;
  b: Int32Array;
  /** Weight of the second tap. */
  w: Float32Array;
}

/** Bilinear taps along one axis: output i samples start + (i + 0.5) * step - 0.5 (source pixel units). */
function computeTaps(start: number, step: number, count: number, size: number, stride: number): Taps {
  const taps: Taps = { a: new Int32Array(count), b: new Int32Array(count), w: new Float32Array(count) };
  for (let i = 0; i < count; i++) {
    const f = start + (i + 0.5) * step - 0.5;
    if (f < -0.5 || f > size - 0.5) {
      taps.a[i] = -1;
      continue;
    }
    const clamped = Math.min(Math.max(f, 0), size - 1);
    const i0 = Math.floor(clamped);
    const i1 = Math.min(i0 + 1, size - 1);
    taps.a[i] = i0 * stride;
    taps.b[i] = i1 * stride;
    taps.w[i] = clamped - i0;
  }
  return taps;
}
