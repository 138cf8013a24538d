import { pickOutput, type RunModel } from './face-models.js';
import { cropResizeToTensor } from './image/resize.js';
import type { PixelNorm, Rect, RgbImage } from './image/rgb-image.js';

/**
 * Contract of fr_landmark.onnx: a 64x64 grey crop (0..1, pixel / 256) → 136 values, the 68 iBUG points
 * as (x, y) pairs normalised to the crop. The crop convention was fitted on dlib's 68-point annotations of
 * 43 faces: a square of 0.95 × the detector box's longer side, centred 8 % of its height below the box
 * centre (normalised mean error 4.2 % of the outer-eye-corner distance; box-shaped or larger crops do worse).
 */
export const LANDMARK_INPUT = { name: 'input', output: 'output', size: 64 } as const;
export const LANDMARK_NORM: PixelNorm = { order: 'grey', mean: 0, scale: 1 / 256 };

export interface FaceBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function landmarkCropOf(box: FaceBox): Rect {
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  const side = Math.max(width, height) * 0.95;
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2 + 0.08 * height;
  return { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
}

export interface LandmarkResult {
  /** 68 points, x0 y0 x1 y1 …, in source pixels. */
  points: Float32Array;
  /** The model's grey input (64 x 64, 0..1), reused for the sharpness measure. */
  crop: Float32Array;
  cropRect: Rect;
}

/**
 * The 68 points of the face in `box`. With `isMirrored`, the crop is read right to left (a mirror image)
 * and the points come back in source pixels but in the mirror's order (see `MIRROR_68` to pair them up).
 */
export async function locateLandmarks(image: RgbImage, box: FaceBox, runModel: RunModel, isMirrored = false): Promise<LandmarkResult> {
  const size = LANDMARK_INPUT.size;
  const square = landmarkCropOf(box);
  // A negative width samples the same square from its right edge leftwards.
  const cropRect = isMirrored ? { ...square, x: square.x + square.width, width: -square.width } : square;
  const crop = cropResizeToTensor(image, cropRect, size, size, LANDMARK_NORM);
  const outputs = await runModel('landmarks', { [LANDMARK_INPUT.name]: { data: crop, dims: [1, 1, size, size] } });
  const raw = pickOutput(outputs, LANDMARK_INPUT.output, 'landmarks').data;
  const points = new Float32Array(136);
  for (let i = 0; i < 68; i++) {
    points[2 * i] = cropRect.x + raw[2 * i]! * cropRect.width;
    points[2 * i + 1] = cropRect.y + raw[2 * i + 1]! * cropRect.height;
  }
  return { points, crop, cropRect: square };
}
