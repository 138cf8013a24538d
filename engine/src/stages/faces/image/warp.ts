import type { Affine } from './affine.js';
import { writePixel } from './resize.js';
import { channelCount, ensureOutput, resolveNorm, type PixelNorm, type RgbImage } from './rgb-image.js';

/**
 * Warps `image` into an `outWidth x outHeight` float32 CHW tensor: output pixel (u, v) samples the source
 * bilinearly at `toSource(u, v)` (so pass the inverse of the source→output transform). Outside reads
 * `norm.fill`, as warpAffine's constant border. Writes into `out` at `offset` (allocated when absent).
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
    let fx = b * v + c;
    let fy = e * v + f;
    for (let u = 0; u < outWidth; u++, fx += a, fy += d) {
      const ix = Math.floor(fx);
      const iy = Math.floor(fy);
      const wx = fx - ix;
      const wy = fy - iy;
      const isInside = ix >= 0 && iy >= 0 && ix + 1 < width && iy + 1 < height;
      for (let ch = 0; ch < 3; ch++) {
        let p00: number, p01: number, p10: number, p11: number;
        if (isInside) {
          const base = iy * stride + ix * 3 + ch;
          p00 = data[base]!;
          p01 = data[base + 3]!;
          p10 = data[base + stride]!;
          p11 = data[base + stride + 3]!;
        } else {
          p00 = readOrFill(data, width, height, ix, iy, ch, fill);
          p01 = readOrFill(data, width, height, ix + 1, iy, ch, fill);
          p10 = readOrFill(data, width, height, ix, iy + 1, ch, fill);
          p11 = readOrFill(data, width, height, ix + 1, iy + 1, ch, fill);
        }
        const top = p00 + (p01 - p00) * wx;
        const bottom = p10 + (p11 - p10) * wx;
        pixel[ch] = top + (bottom - top) * wy;
      }
      writePixel(target, v * outWidth + u + offset, planeSize, pixel, channels, sources, means, scales);
    }
  }
  return target;
}

function readOrFill(data: Uint8Array, width: number, height: number, x: number, y: number, ch: number, fill: number): number {
  return x >= 0 && y >= 0 && x < width && y < height ? data[(y * width + x) * 3 + ch]! : fill;
}
