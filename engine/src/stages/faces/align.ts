import { invertAffine, type Affine } from './image/affine.js';
import { estimateSimilarity } from './image/similarity.js';

/** The ArcFace / InsightFace 112x112 template: eye centres, nose tip, mouth corners (image left first). */
export const ARCFACE_TEMPLATE: readonly (readonly [number, number])[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];
export const ALIGNED_SIZE = 112;

/** The template's five points from the 68 iBUG landmarks: eye centres (36-41, 42-47), nose tip 30, mouth corners 48, 54. */
export function fivePointsOf(points: Float32Array): [number, number][] {
  const mean = (from: number, to: number): [number, number] => {
    let x = 0, y = 0;
    for (let i = from; i <= to; i++) {
      x += points[2 * i]!;
      y += points[2 * i + 1]!;
    }
    return [x / (to - from + 1), y / (to - from + 1)];
  };
  const at = (i: number): [number, number] => [points[2 * i]!, points[2 * i + 1]!];
  return [mean(36, 41), mean(42, 47), at(30), at(48), at(54)];
}

/** The transform taking aligned-face pixels back to source pixels (what the warp samples with). */
export function alignmentOf(points: Float32Array): Affine {
  return invertAffine(estimateSimilarity(fivePointsOf(points), ARCFACE_TEMPLATE));
}
