import type { RgbImage } from './rgb-image.js';

/** BT.601 luma (as OpenCV's RGB2GRAY) of a packed RGB24 picture, one float per pixel. */
export function rgbToGrey(image: RgbImage, out?: Float32Array): Float32Array {
  const count = image.width * image.height;
  const target = out ?? new Float32Array(count);
  const { data } = image;
  for (let i = 0, p = 0; i < count; i++, p += 3) {
    target[i] = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
  }
  return target;
}
