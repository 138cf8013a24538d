/**
 * Encodes face crops as JPEG with @napi-rs/canvas: one face, or a contact sheet of a person's
 * best faces in a row. The only place thumbnails meet the canvas.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

const JPEG_QUALITY = 88;
const GAP = 2;
/** Width of the bar between the two groups of a doubtful person's sheet. */
const BAR = 12;

export function encodeFaceJpeg(rgb: Uint8Array, size: number): Buffer {
  const canvas = createCanvas(size, size);
  drawRgb(canvas.getContext('2d'), rgb, size, 0);
  return canvas.toBuffer('image/jpeg', JPEG_QUALITY);
}

/** A row of faces (best first), separated by thin white gaps. */
export function encodeContactSheet(crops: readonly Uint8Array[], size: number, splitAt?: number): Buffer {
  const count = Math.max(1, crops.length);
  const isSplit = splitAt !== undefined && splitAt > 0 && splitAt < crops.length;
  const canvas = createCanvas(count * size + (count - 1) * GAP + (isSplit ? BAR - GAP : 0), size);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const xOf = (i: number): number => i * (size + GAP) + (isSplit && i >= splitAt ? BAR - GAP : 0);
  crops.forEach((rgb, i) => drawRgb(context, rgb, size, xOf(i)));
  if (isSplit) {
    // "Check: may be two people": one group's faces left of a dark bar, the other's right of it.
    context.fillStyle = '#1d1d1f'; // ink, not a colour that stands for a group (orange is women)
    context.fillRect(xOf(splitAt) - BAR + GAP, 0, BAR - 2 * GAP, size);
  }
  return canvas.toBuffer('image/jpeg', JPEG_QUALITY);
}

function drawRgb(context: SKRSContext2D, rgb: Uint8Array, size: number, x: number): void {
  const image = context.createImageData(size, size);
  for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
    image.data[q] = rgb[p]!;
    image.data[q + 1] = rgb[p + 1]!;
    image.data[q + 2] = rgb[p + 2]!;
    image.data[q + 3] = 255;
  }
  context.putImageData(image, x, 0);
}
