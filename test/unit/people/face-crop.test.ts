import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cropFace, PAD_GREY } from '../../../engine/src/stages/people/face-crop.js';
import type { Frame } from '../../../engine/src/stages/frames/frame.js';

/** A 100×60 frame: left half red, right half blue, with a white one-pixel border (the edge pixels). */
function makeFrame(): Frame {
  const width = 100;
  const height = 60;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const isEdge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      data.set(isEdge ? [255, 255, 255] : x < width / 2 ? [200, 0, 0] : [0, 0, 200], (y * width + x) * 3);
    }
  }
  return { index: 0, t: 0, width, height, data } as Frame;
}

const pixel = (crop: Uint8Array, size: number, x: number, y: number): number[] => [...crop.subarray((y * size + x) * 3, (y * size + x) * 3 + 3)];

test('a crop inside the frame is the frame, resized', () => {
  const crop = cropFace(makeFrame(), [20, 20, 10, 10], 16);
  assert.deepEqual(pixel(crop, 16, 8, 8), [200, 0, 0]);
});

test('where a crop runs past the frame, it is padded with grey, not the edge pixels stretched', () => {
  // A face at the top-left corner: the square with its margin runs past the top and the left.
  const size = 32;
  const crop = cropFace(makeFrame(), [2, 2, 20, 20], size);
  const grey = [PAD_GREY, PAD_GREY, PAD_GREY];
  assert.deepEqual(pixel(crop, size, 0, 0), grey, 'the corner outside the frame');
  assert.deepEqual(pixel(crop, size, 0, size - 1), grey, 'left of the frame, low down');
  assert.deepEqual(pixel(crop, size, size - 1, 0), grey, 'above the frame, at the right');
  assert.deepEqual(pixel(crop, size, size / 2, size / 2), [200, 0, 0], 'the face itself');
  // No column of the padded part copies the frame's white edge (the streaks seen before).
  const whiteOutside = [...Array(size).keys()].filter((y) => pixel(crop, size, 0, y).every((v) => v === 255));
  assert.deepEqual(whiteOutside, []);
});
