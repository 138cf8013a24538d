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
  for (let y = 0; y < size; y++) {
    const rawY = y0 + (y + 0.5) * scale - 0.5;
    const sy = Math.min(height - 1, Math.max(0, rawY));
    const y1 = Math.floor(sy);
    const y2 = Math.min(height - 1, y1 + 1);
    const fy = sy - y1;
    for (let x = 0; x < size; x++) {
      const rawX = x0 + (x + 0.5) * scale - 0.5;
      const o = (y * size + x) * 3;
      // More than half a source pixel outside the frame: padding, not a copy of the edge.
      if (rawX < -0.5 || rawX > width - 0.5 || rawY < -0.5 || rawY > height - 0.5) {
        out.fill(PAD_GREY, o, o + 3);
        continue;
      }
      const sx = Math.min(width - 1, Math.max(0, rawX));
      const x1 = Math.floor(sx);
      const x2 = Math.min(width - 1, x1 + 1);
      const fx = sx - x1;
      for (let c = 0; c < 3; c++) {
        const a = data[(y1 * width + x1) * 3 + c]!;
        const b = data[(y1 * width + x2) * 3 + c]!;
        const d = data[(y2 * width + x1) * 3 + c]!;
        const e = data[(y2 * width + x2) * 3 + c]!;
        out[o + c] = Math.round((a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy);
      }
    }
  }
  return out;
}
