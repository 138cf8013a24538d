import { ensureOutput, channelCount, resolveNorm, type PixelNorm, type Rect, type RgbImage } from './rgb-image.js';

/**
 * Crops `rect` out of `image` and resizes it bilinearly to `outWidth x outHeight`, writing a float32 CHW
 * tensor (normalised per `norm`) into `out` at `offset` (allocated when absent). Pixel centres are mapped
 * like OpenCV's INTER_LINEAR (half-pixel offsets, no corner alignment). Returns the buffer written.
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
  const { means, scales, sources } = resolveNorm(norm);
  const fill = norm.fill ?? 0;
  const { width, height, data } = image;

  // Column taps computed once: source offsets (-1 = outside) and weights.
  const x0s = new Int32Array(outWidth);
  const x1s = new Int32Array(outWidth);
  const wxs = new Float32Array(outWidth);
  const sx = rect.width / outWidth;
  for (let i = 0; i < outWidth; i++) {
    const fx = rect.x + (i + 0.5) * sx - 0.5;
    const ix = Math.floor(fx);
    wxs[i] = fx - ix;
    x0s[i] = ix >= 0 && ix < width ? ix * 3 : -1;
    x1s[i] = ix + 1 >= 0 && ix + 1 < width ? (ix + 1) * 3 : -1;
  }
  const sy = rect.height / outHeight;
  const channels = sources.length;
  const pixel = new Float64Array(3);

  for (let j = 0; j < outHeight; j++) {
    const fy = rect.y + (j + 0.5) * sy - 0.5;
    const iy = Math.floor(fy);
    const wy = fy - iy;
    const row0 = iy >= 0 && iy < height ? iy * width * 3 : -1;
    const row1 = iy + 1 >= 0 && iy + 1 < height ? (iy + 1) * width * 3 : -1;
    const rowOut = offset + j * outWidth;
    for (let i = 0; i < outWidth; i++) {
      const x0 = x0s[i]!;
      const x1 = x1s[i]!;
      const wx = wxs[i]!;
      for (let c = 0; c < 3; c++) {
        const a = row0 >= 0 && x0 >= 0 ? data[row0 + x0 + c]! : fill;
        const b = row0 >= 0 && x1 >= 0 ? data[row0 + x1 + c]! : fill;
        const d = row1 >= 0 && x0 >= 0 ? data[row1 + x0 + c]! : fill;
        const e = row1 >= 0 && x1 >= 0 ? data[row1 + x1 + c]! : fill;
        const top = a + (b - a) * wx;
        const bottom = d + (e - d) * wx;
        pixel[c] = top + (bottom - top) * wy;
      }
      writePixel(target, rowOut + i, planeSize, pixel, channels, sources, means, scales);
    }
  }
  return target;
}

/** Writes one sampled RGB pixel into every output plane. Shared by the resize and warp loops. */
export function writePixel(
  target: Float32Array,
  index: number,
  planeSize: number,
  pixel: Float64Array,
  channels: number,
  sources: Int8Array,
  means: Float64Array,
  scales: Float64Array,
): void {
  for (let c = 0; c < channels; c++) {
    const source = sources[c]!;
    const value = source < 0 ? 0.299 * pixel[0]! + 0.587 * pixel[1]! + 0.114 * pixel[2]! : pixel[source]!;
    target[index + c * planeSize] = (value - means[c]!) * scales[c]!;
  }
}
