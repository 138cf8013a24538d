import { ensureOutput, channelCount, pixelPairsOf, resolveNorm, type PixelNorm, type Rect, type RgbImage } from './rgb-image.js';
import { sampleGreyRows, sampleRgbRow, sampleRgbRows, type Plane } from './resize-rows.js';
import { computeTaps } from './taps.js';

/**
 * Crops `rect` out of `image` and resizes it bilinearly to `outWidth x outHeight`, writing a float32 CHW
 * tensor (normalised per `norm`) into `out` at `offset` (allocated when absent). Pixel centres are mapped
 * like OpenCV's INTER_LINEAR (half-pixel offsets). A sample point within half a pixel of the picture
 * replicates its edge; farther out it reads `norm.fill`. Returns the buffer written.
 *
 * This is the detector's preparation of every view (issue 12), so it is written for speed: the outside
 * columns are filled apart, the inside ones are read without a branch per pixel and two pixels per load
 * (resize-rows.ts), and a row whose lower tap has no weight (every row of a 720p frame shrunk 3 times)
 * reads one source row. Tap arrays are reused from call to call (taps.ts). Each value is
 * computed with the same operations, in the same order, as the plain version kept in
 * test/fixtures/image/samplers.reference.ts, so the model inputs are bit for bit the same (tested).
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
  const cols = computeTaps(rect.x, rect.width / outWidth, outWidth, image.width, 3, 0, true);
  const rows = computeTaps(rect.y, rect.height / outHeight, outHeight, image.height, image.width * 3, 1);
  const { means, scales, sources } = resolveNorm(norm);
  const fill = norm.fill ?? 0;
  const isGrey = sources[0]! < 0;
  // Output planes in source channel order (R, G, B), or the one grey plane: where each goes, its mean and scale.
  const planes: Plane[] = [];
  for (let ch = 0; ch < (isGrey ? 1 : 3); ch++) {
    const c = isGrey ? 0 : sources.indexOf(ch);
    planes.push({ offset: offset + c * planeSize, mean: means[c]!, scale: scales[c]!, fill: (fill - means[c]!) * scales[c]! });
  }
  const pR = planes[0]!, pG = planes[1] ?? pR, pB = planes[2] ?? pR;
  const pixels = pixelPairsOf(image);
  for (let j = 0; j < outHeight; j++) {
    const row = j * outWidth;
    const r0 = rows.a[j]!;
    if (r0 < 0) {
      fillPlanes(target, planes, row, row + outWidth);
      continue;
    }
    fillPlanes(target, planes, row, row + cols.first);
    fillPlanes(target, planes, row + cols.end, row + outWidth);
    const r1 = rows.b[j]!;
    const wy = rows.w[j]!;
    // No weight on the lower row (or it is the same row): top + (bottom - top) * wy is exactly top.
    if (isGrey) sampleGreyRows(pixels, cols, r0, r1, wy, target, row, pR);
    else if (wy === 0 || r1 === r0) sampleRgbRow(pixels, cols, r0, target, row, pR, pG, pB);
    else sampleRgbRows(pixels, cols, r0, r1, wy, target, row, pR, pG, pB);
  }
  return target;
}

function fillPlanes(target: Float32Array, planes: readonly Plane[], from: number, to: number): void {
  if (to <= from) return;
  for (const plane of planes) target.fill(plane.fill, plane.offset + from, plane.offset + to);
}
