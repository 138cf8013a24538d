import { pickOutput, type RunModel } from './face-models.js';
import type { FaceBox } from './landmarks.js';
import { cropResizeToTensor } from './image/resize.js';
import type { PixelNorm, Rect, RgbImage } from './image/rgb-image.js';

/**
 * Contract of age_gender.onnx (face-api.js AgeGenderNet, see models/manifest.json): face-api's own crop,
 * i.e. the face box padded to a centred square with black and resized to 112x112, RGB
 * (x - [122.782, 117.001, 104.298]) / 255; output `gender` [N, 2] softmax with index 1 = female.
 * The batch dimension is free, so faces of a frame go in one call.
 */
export const GENDER_INPUT = { name: 'input', output: 'gender', size: 112 } as const;
export const GENDER_NORM: PixelNorm = { order: 'rgb', mean: [122.782, 117.001, 104.298], scale: 1 / 255, fill: 0 };

/** face-api's padToSquare of a cut: a square of the cut's longer side with the cut centred in it (cut coordinates). */
export function paddedSquareOf(width: number, height: number): Rect {
  const side = Math.max(width, height);
  return { x: -(side - width) / 2, y: -(side - height) / 2, width: side, height: side };
}

/** P(presenting as female) for each face box, in one model call. */
export async function estimateFemale(image: RgbImage, boxes: readonly FaceBox[], runModel: RunModel): Promise<number[]> {
  if (boxes.length === 0) return [];
  const size = GENDER_INPUT.size;
  const plane = 3 * size * size;
  const input = new Float32Array(boxes.length * plane);
  boxes.forEach((box, i) => {
    const cut = cutBox(image, box);
    cropResizeToTensor(cut, paddedSquareOf(cut.width, cut.height), size, size, GENDER_NORM, input, i * plane);
  });
  const outputs = await runModel('age-gender', { [GENDER_INPUT.name]: { data: input, dims: [boxes.length, 3, size, size] } });
  const gender = pickOutput(outputs, GENDER_INPUT.output, 'age-gender').data;
  return boxes.map((_, i) => gender[i * 2 + 1]!);
}

/**
 * face-api's extractFaces: the box floored and clipped at the frame's borders, copied out. Padding then
 * reads black (the fill) wherever the square leaves this cut, even where the frame goes on.
 */
export function cutBox(image: RgbImage, box: FaceBox): RgbImage {
  const x = Math.min(image.width - 1, Math.max(0, Math.floor(box.x1)));
  const y = Math.min(image.height - 1, Math.max(0, Math.floor(box.y1)));
  const width = Math.max(1, Math.min(image.width, Math.floor(box.x2)) - x);
  const height = Math.max(1, Math.min(image.height, Math.floor(box.y2)) - y);
  const data = new Uint8Array(width * height * 3);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 3;
    data.set(image.data.subarray(from, from + width * 3), row * width * 3);
  }
  return { width, height, data };
}
