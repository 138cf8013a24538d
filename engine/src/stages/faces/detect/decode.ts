import type { Rect } from '../image/rgb-image.js';
import type { Candidate } from './boxes.js';

/**
 * Reads the RFB-320 outputs of one view: `scores` [N, 2] (background, face) after softmax and `boxes`
 * [N, 4], already decoded by the graph into corner form (x1, y1, x2, y2) normalised to the view.
 * Keeps the candidates scoring at least `threshold`, mapped back to source pixels.
 */
export function decodeDetections(scores: Float32Array, boxes: Float32Array, view: Rect, viewIndex: number, threshold: number): Candidate[] {
  const count = Math.min(scores.length / 2, boxes.length / 4);
  const found: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    const score = scores[i * 2 + 1]!;
    if (score < threshold) continue;
    found.push({
      x1: view.x + boxes[i * 4]! * view.width,
      y1: view.y + boxes[i * 4 + 1]! * view.height,
      x2: view.x + boxes[i * 4 + 2]! * view.width,
      y2: view.y + boxes[i * 4 + 3]! * view.height,
      score,
      view: viewIndex,
    });
  }
  return found;
}
