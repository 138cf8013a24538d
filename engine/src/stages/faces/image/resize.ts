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
  if (sources[0]! < 0) {
    resizeGrey(data, cols, rows, outWidth, outHeight, fill, means[0]!, scales[0]!, target, offset);
    return target;
  }
  // Where each source channel (R, G, B) goes: its output plane's offset, mean and scale.
  const planeOf = new Int32Array(3);
  const meanOf = new Float64Array(3);
  const scaleOf = new Float64Array(3);
  for (let c = 0; c < 3; c++) {
    planeOf[sources[c]!] = c * planeSize;
    meanOf[sources[c]!] = means[c]!;
    scaleOf[sources[c]!] = scales[c]!;
  }
  const oR = planeOf[0]!, oG = planeOf[1]!, oB = planeOf[2]!;
  const mR = meanOf[0]!, mG = meanOf[1]!, mB = meanOf[2]!;
  const sR = scaleOf[0]!, sG = scaleOf[1]!, sB = scaleOf[2]!;

  for (let j = 0; j < outHeight; j++) {
    const r0 = rows.a[j]!, r1 = rows.b[j]!, wy = rows.w[j]!;
    let index = offset + j * outWidth;
    if (r0 < 0) {
      for (let i = 0; i < outWidth; i++, index++) {
        target[index + oR] = (fill - mR) * sR;
        target[index + oG] = (fill - mG) * sG;
        target[index + oB] = (fill - mB) * sB;
      }
      continue;
    }
    for (let i = 0; i < outWidth; i++, index++) {
      const x0 = cols.a[i]!;
      let r: number, g: number, b: number;
      if (x0 < 0) {
        r = g = b = fill;
      } else {
        const x1 = cols.b[i]!, wx = cols.w[i]!;
        const a = r0 + x0, c = r0 + x1, d = r1 + x0, e = r1 + x1;
        const tR = data[a]! + (data[c]! - data[a]!) * wx;
        const tG = data[a + 1]! + (data[c + 1]! - data[a + 1]!) * wx;
        const tB = data[a + 2]! + (data[c + 2]! - data[a + 2]!) * wx;
        r = tR + (data[d]! + (data[e]! - data[d]!) * wx - tR) * wy;
        g = tG + (data[d + 1]! + (data[e + 1]! - data[d + 1]!) * wx - tG) * wy;
        b = tB + (data[d + 2]! + (data[e + 2]! - data[d + 2]!) * wx - tB) * wy;
      }
      target[index + oR] = (r - mR) * sR;
      target[index + oG] = (g - mG) * sG;
      target[index + oB] = (b - mB) * sB;
    }
  }
  return target;
}

function resizeGrey(
  data: Uint8Array,
  cols: Taps,
  rows: Taps,
  outWidth: number,
  outHeight: number,
  fill: number,
  mean: number,
  scale: number,
  target: Float32Array,
  offset: number,
): void {
  for (let j = 0; j < outHeight; j++) {
    const r0 = rows.a[j]!, r1 = rows.b[j]!, wy = rows.w[j]!;
    let index = offset + j * outWidth;
    for (let i = 0; i < outWidth; i++, index++) {
      const x0 = cols.a[i]!;
      let value = fill;
      if (r0 >= 0 && x0 >= 0) {
        const x1 = cols.b[i]!, wx = cols.w[i]!;
        const a = r0 + x0, c = r0 + x1, d = r1 + x0, e = r1 + x1;
        const top = 0.299 * (data[a]! + (data[c]! - data[a]!) * wx) + 0.587 * (data[a + 1]! + (data[c + 1]! - data[a + 1]!) * wx) + 0.114 * (data[a + 2]! + (data[c + 2]! - data[a + 2]!) * wx);
        const bottom = 0.299 * (data[d]! + (data[e]! - data[d]!) * wx) + 0.587 * (data[d + 1]! + (data[e + 1]! - data[d + 1]!) * wx) + 0.114 * (data[d + 2]! + (data[e + 2]! - data[d + 2]!) * wx);
        value = top + (bottom - top) * wy;
      }
      target[index] = (value - mean) * scale;
    }
  }
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
