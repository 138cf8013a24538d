import type { Affine } from './affine.js';
import { channelCount, ensureOutput, resolveNorm, type PixelNorm, type RgbImage } from './rgb-image.js';

/**
 * Warps `image` into an `outWidth x outHeight` float32 CHW tensor: output pixel (u, v) samples the source
 * bilinearly at `toSource(u, v)` (so pass the inverse of the source→output transform). As in
 * `cropResizeToTensor`, a point within half a pixel of the picture replicates its edge and one farther out
 * reads `norm.fill`. Writes into `out` at `offset` (allocated when absent).
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
  const channels = sources.length;
  const pixel = new Float64Array(3);

  for (let v = 0; v < outHeight; v++) {
    for (let u = 0; u < outWidth; u++) {
      const fx = a * u + b * v + c;
      const fy = d * u + e * v + f;
      if (fx < -0.5 || fy < -0.5 || fx > width - 0.5 || fy > height - 0.5) {
        pixel[0] = pixel[1] = pixel[2] = fill;
      } else {
        const cx = Math.min(Math.max(fx, 0), width - 1);
        const cy = Math.min(Math.max(fy, 0), height - 1);
        const ix = Math.floor(cx), iy = Math.floor(cy);
        const wx = cx - ix, wy = cy - iy;
        const p00 = iy * stride + ix * 3;
        const p01 = ix + 1 < width ? p00 + 3 : p00;
        const p10 = iy + 1 < height ? p00 + stride : p00;
        const p11 = p10 + (p01 - p00);
        for (let ch = 0; ch < 3; ch++) {
          const top = data[p00 + ch]! + (data[p01 + ch]! - data[p00 + ch]!) * wx;
          const bottom = data[p10 + ch]! + (data[p11 + ch]! - data[p10 + ch]!) * wx;
          pixel[ch] = top + (bottom - top) * wy;
        }
      }
      const index = offset + v * outWidth + u;
      for (let ch = 0; ch < channels; ch++) {
        const source = sources[ch]!;
        const value = source < 0 ? 0.299 * pixel[0]! + 0.587 * pixel[1]! + 0.114 * pixel[2]! : pixel[source]!;
        target[index + ch * planeSize] = (value - means[ch]!) * scales[ch]!;
      }
    }
  }
  return target;
}
