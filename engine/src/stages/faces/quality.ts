import { laplacianVariance } from './image/sharpness.js';
import { estimateYaw } from './pose.js';

/**
 * How well a face can be judged, 0..1: 0.4 size + 0.3 sharpness + 0.3 pose. Chosen on 517 faces of 31
 * people from the benchmark videos, where the mean cosine of a face's embedding to its person's other faces
 * rises with it (0.16 below 0.3, 0.58 at 0.3-0.5, 0.77 at 0.5-0.7, 0.83 at 0.7-0.9, 0.87 above 0.9).
 */
export interface QualityParts {
  size: number;
  sharpness: number;
  pose: number;
}

/** Box side (source pixels) at which size stops mattering; below 20 px a face counts as nothing. */
const SIZE_FLOOR = 20;
const SIZE_FULL = 100;
/**
 * Laplacian variance of the 64x64 landmark crop (pixels / 256): ~0.002 for the blurred and the tiny
 * upscaled faces of the benchmarks, 0.02-0.06 for sharp ones; scored on a log scale between the two.
 */
const SHARP_FLOOR = 0.002;
const SHARP_FULL = 0.02;
/** Yaw asymmetry (see estimateYaw) up to which the embedding holds up (measured), and where it is useless. */
const YAW_FINE = 0.45;
const YAW_USELESS = 0.85;

export function scoreQuality(boxSide: number, landmarkCrop: Float32Array, cropSize: number, points: Float32Array): QualityParts {
  const sharpness = laplacianVariance(landmarkCrop, cropSize, cropSize);
  return {
    size: scoreSize(boxSide),
    sharpness: clamp01(Math.log(Math.max(sharpness, 1e-9) / SHARP_FLOOR) / Math.log(SHARP_FULL / SHARP_FLOOR)),
    pose: clamp01(1 - (estimateYaw(points) - YAW_FINE) / (YAW_USELESS - YAW_FINE)),
  };
}

export function scoreSize(boxSide: number): number {
  return clamp01(Math.log(Math.max(boxSide, 1) / SIZE_FLOOR) / Math.log(SIZE_FULL / SIZE_FLOOR));
}

export function combineQuality(parts: QualityParts): number {
  return 0.4 * parts.size + 0.3 * parts.sharpness + 0.3 * parts.pose;
}

/**
 * "Not a face": the landmark model, run on the crop and on its mirror image, disagrees with itself.
 * On 423 true faces of the benchmark videos the disagreement stays below 0.02 but for 8 (mostly turned or
 * half-hidden); on 82 false detections it is above 0.03 but for 2 (both scored < 0.45 by the detector).
 */
export function isNotFace(detectorScore: number, mirrorDisagreement: number): boolean {
  return mirrorDisagreement > 0.06 || (mirrorDisagreement > 0.03 && detectorScore < 0.9);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
