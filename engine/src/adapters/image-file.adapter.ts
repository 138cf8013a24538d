/** Still pictures (JPEG, PNG) decoded with @napi-rs/canvas into RGB24 frames, for photos and tests. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Frame } from '../stages/frames/frame.js';

export async function decodeImageFile(path: string, index = 0): Promise<Frame> {
  const image = await loadImage(path);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return rgbaToFrame(context.getImageData(0, 0, image.width, image.height).data, image.width, image.height, index);
}

export function rgbaToFrame(rgba: Uint8ClampedArray, width: number, height: number, index = 0): Frame {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    data[j] = rgba[i]!;
    data[j + 1] = rgba[i + 1]!;
    data[j + 2] = rgba[i + 2]!;
  }
  return { index, t: index, width, height, data };
}
