/**
 * A face's picture for thumbnails: a square around the box with some margin, resized to a
 * fixed size (bilinear), as RGB24. Where the square runs past the frame's edge, the picture is
 * padded with a neutral grey rather than the edge pixels stretched (which drew streaks). Pure.
 */
import type { Box } from '../../../../shared/src/analysis.js';
import type { Frame } from '../frames/frame.js';

export const CROP_SIZE = 96;
/** Margin around the face box, as a fraction of its larger side, so hair and chin show. */
const MARGIN = 0.3;
/** The padding past the frame's edge: a mid grey that reads as "no picture here" on light and dark pages. */
export const PAD_GREY = 128;

export function cropFace(frame: Frame, box: Box, size = CROP_SIZE): Uint8Array {
  const side = Math.max(box[2], box[3]) * (1 + 2 * MARGIN);
  const x0 = box[0] + box[2] / 2 - side / 2;
  const y0 = box[1] + box[3] / 2 - side / 2;
  const scale = side / size;
  const out = new Uint8Array(size * size * 3);
  const { width, height, data } = frame;
  const cols = columnTaps(x0, scale, size, width);
  for (let y = 0; y < size; y++) {
    const rawY = y0 + (y + 0.5) * scale - 0.5;
    const rowStart = y * size * 3;
    // More than half a source pixel outside the frame: padding, not a copy of the edge.
    if (rawY < -0.5 || rawY > height - 0.5) {
      out.fill(PAD_GREY, rowStart, rowStart + size * 3);
      continue;
    }
    const sy = Math.min(height - 1, Math.max(0, rawY));
    const y1 = Math.floor(sy);
    const top = y1 * width * 3;
    const bottom = Math.min(height - 1, y1 + 1) * width * 3;
    const fy = sy - y1;
    const gy = 1 - fy;
    for (let x = 0, o = rowStart; x < size; x++, o += 3) {
      const left = cols.left[x]!;
      if (left < 0) {
        out[o] = out[o + 1] = out[o + 2] = PAD_GREY;
        continue;
      }
      const right = cols.right[x]!, fx = cols.fx[x]!, gx = 1 - fx;
      const p = top + left, q = top + right, s = bottom + left, t = bottom + right;
      out[o] = Math.round((data[p]! * gx + data[q]! * fx) * gy + (data[s]! * gx + data[t]! * fx) * fy);
      out[o + 1] = Math.round((data[p + 1]! * gx + data[q + 1]! * fx) * gy + (data[s + 1]! * gx + data[t + 1]! * fx) * fy);
      out[o + 2] = Math.round((data[p + 2]! * gx + data[q + 2]! * fx) * gy + (data[s + 2]! * gx + data[t + 2]! * fx) * fy);
    }
  }
  return out;
}

/**
 * Per output column: byte offsets of the two source pixels it blends (left -1: padding) and the right
 * one's weight. Worked out once per crop rather than once per pixel; scratch reused from crop to crop.
 */
function columnTaps(x0: number, scale: number, size: number, width: number): { left: Int32Array; right: Int32Array; fx: Float64Array } {
  if (taps.left.length < size) taps = { left: new Int32Array(size), right: new Int32Array(size), fx: new Float64Array(size) };
  for (let x = 0; x < size; x++) {
    const rawX = x0 + (x + 0.5) * scale - 0.5;
    if (rawX < -0.5 || rawX > width - 0.5) {
      taps.left[x] = -1;
      continue;
    }
    const sx = Math.min(width - 1, Math.max(0, rawX));
    const x1 = Math.floor(sx);
    taps.left[x] = x1 * 3;
    taps.right[x] = Math.min(width - 1, x1 + 1) * 3;
    taps.fx[x] = sx - x1;
  }
  return taps;
}
let taps = { left: new Int32Array(0), right: new Int32Array(0), fx: new Float64Array(0) };
