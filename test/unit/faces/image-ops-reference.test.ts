/**
 * The fast pixel samplers give bit-identical model inputs to the plain ones they replaced (issue 12):
 * test/fixtures/image/samplers.reference.ts keeps the plain code; here both run on the same random
 * pictures and rects (inside, partly and wholly outside, sub-pixel, mirrored, up- and downscaled, the
 * detector's own views of a 720p frame) with every norm the models use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DETECTOR_NORM, RELIABLE_FACE_SIZE } from '../../../engine/src/stages/faces/detect/detector.js';
import { planDetectionViews } from '../../../engine/src/stages/faces/detect/tiling.js';
import { EMBEDDER_NORM } from '../../../engine/src/stages/faces/embedder.js';
import { GENDER_NORM } from '../../../engine/src/stages/faces/gender.js';
import { applyAffine, makeSimilarity, type Affine } from '../../../engine/src/stages/faces/image/affine.js';
import { cropResizeToTensor } from '../../../engine/src/stages/faces/image/resize.js';
import type { PixelNorm, Rect, RgbImage } from '../../../engine/src/stages/faces/image/rgb-image.js';
import { warpAffineToTensor } from '../../../engine/src/stages/faces/image/warp.js';
import { LANDMARK_NORM } from '../../../engine/src/stages/faces/landmarks.js';
import { cropFace } from '../../../engine/src/stages/people/face-crop.js';
import type { Frame } from '../../../engine/src/stages/frames/frame.js';
import { referenceCropFace, referenceCropResize, referenceWarpAffine } from '../../fixtures/image/samplers.reference.js';
import { random } from '../../fixtures/random.js';

const NORMS: readonly PixelNorm[] = [
  DETECTOR_NORM,
  GENDER_NORM,
  LANDMARK_NORM,
  EMBEDDER_NORM,
  { order: 'bgr', mean: [10, 20, 30], scale: [0.5, 0.25, 2], fill: 100 },
  { order: 'grey', mean: 127.5, scale: 1 / 128, fill: 255 },
];

function noise(width: number, height: number, next: () => number): RgbImage {
  return { width, height, data: Uint8Array.from({ length: width * height * 3 }, () => Math.floor(next() * 256)) };
}

/** The first index where two outputs differ (bits, so -0 and 0 or two NaNs count as they are), or -1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  const bitsA = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bitsB = new Uint32Array(b.buffer, b.byteOffset, b.length);
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (bitsA[i] !== bitsB[i]) return i;
  return -1;
}

/** A rect of the kind `kind` over a `width x height` picture, drawn from `next`. */
function randomRect(width: number, height: number, next: () => number, kind: number): Rect {
  const side = (max: number) => (kind % 3 === 0 ? 1 + next() * 8 : kind % 3 === 1 ? max * (0.2 + next()) : max * (1 + 2 * next()));
  const w = side(width);
  const h = side(height);
  const x = kind % 4 === 0 ? next() * (width - w) : (next() - 0.5) * 2 * width;
  const y = kind % 4 === 0 ? next() * (height - h) : (next() - 0.5) * 2 * height;
  // One rect in five is mirrored (the landmark pass reads a crop right to left).
  return kind % 5 === 4 ? { x: x + w, y, width: -w, height: h } : { x, y, width: w, height: h };
}

test('cropResizeToTensor gives the reference output bit for bit on random rects and every norm', () => {
  const next = random(12);
  let compared = 0;
  for (let round = 0; round < 60; round++) {
    const image = noise(1 + Math.floor(next() * 70), 1 + Math.floor(next() * 50), next);
    const rect = randomRect(image.width, image.height, next, round);
    const outWidth = 1 + Math.floor(next() * 40);
    const outHeight = 1 + Math.floor(next() * 40);
    for (const norm of NORMS) {
      const size = outWidth * outHeight * (norm.order === 'grey' ? 1 : 3);
      const offset = round % 3;
      const expected = referenceCropResize(image, rect, outWidth, outHeight, norm, new Float32Array(offset + size).fill(-9), offset);
      const actual = cropResizeToTensor(image, rect, outWidth, outHeight, norm, new Float32Array(offset + size).fill(-9), offset);
      const at = firstDifference(actual, expected);
      assert.equal(at, -1, `round ${round}, ${norm.order}, rect ${JSON.stringify(rect)} -> ${outWidth}x${outHeight}: index ${at}: ${actual[at]} vs ${expected[at]}`);
      compared += size;
    }
  }
  assert.ok(compared > 100_000, `compared ${compared} values`);
});

test('cropResizeToTensor gives the reference output bit for bit on the detector views of a 720p frame, and on exact 2x, 3x and 4x shrinks', () => {
  const next = random(34);
  const image = noise(1280, 720, next);
  const { views } = planDetectionViews(1280, 720, { modelWidth: 320, modelHeight: 240, reliableFaceSize: RELIABLE_FACE_SIZE, minFaceSize: 20, maxRuns: 7 });
  assert.ok(views.length > 1, 'the 720p frame is tiled');
  const exact = [2, 3, 4].map((s) => ({ x: 8, y: 6, width: 320 * s, height: 240 * s > 700 ? 240 * 2 : 240 * s }));
  for (const view of [...views, ...exact]) {
    const expected = referenceCropResize(image, view, 320, 240, DETECTOR_NORM);
    const actual = cropResizeToTensor(image, view, 320, 240, DETECTOR_NORM);
    assert.equal(firstDifference(actual, expected), -1, `view ${JSON.stringify(view)}`);
  }
});

test('cropResizeToTensor writes nothing outside its own tensor in a shared buffer', () => {
  const image = noise(30, 20, random(5));
  const buffer = new Float32Array(2 + 3 * 8 * 6 + 2).fill(-9);
  cropResizeToTensor(image, { x: -10, y: -3, width: 40, height: 30 }, 8, 6, DETECTOR_NORM, buffer, 2);
  assert.deepEqual([buffer[0], buffer[1], buffer.at(-2), buffer.at(-1)], [-9, -9, -9, -9]);
  assert.ok(buffer.subarray(2, -2).every((v) => v !== -9));
});

test('warpAffineToTensor gives the reference output bit for bit on random similarities and every norm', () => {
  const next = random(56);
  for (let round = 0; round < 40; round++) {
    const image = noise(10 + Math.floor(next() * 90), 10 + Math.floor(next() * 60), next);
    const size = 1 + Math.floor(next() * 40);
    // Every other round the face lies well inside the picture (the usual case), else anywhere.
    const toSource: Affine = round % 2 === 0 ? centred(image, size, next) : makeSimilarity(0.1 + next() * 3, (next() - 0.5) * 7, (next() - 0.3) * image.width, (next() - 0.3) * image.height);
    for (const norm of NORMS) {
      const planes = norm.order === 'grey' ? 1 : 3;
      const expected = referenceWarpAffine(image, toSource, size, size, norm, new Float32Array(1 + planes * size * size).fill(-9), 1);
      const actual = warpAffineToTensor(image, toSource, size, size, norm, new Float32Array(1 + planes * size * size).fill(-9), 1);
      const at = firstDifference(actual, expected);
      assert.equal(at, -1, `round ${round}, ${norm.order}: index ${at}: ${actual[at]} vs ${expected[at]}`);
    }
  }
});

/** A similarity from a `size` square to a turned square around the picture's centre, small enough to stay inside. */
function centred(image: RgbImage, size: number, next: () => number): Affine {
  const scale = ((0.3 + 0.6 * next()) * Math.min(image.width, image.height)) / (size * Math.SQRT2);
  const turn = (next() - 0.5) * 2;
  const [x, y] = applyAffine(makeSimilarity(scale, turn, 0, 0), size / 2, size / 2);
  return makeSimilarity(scale, turn, image.width / 2 - x, image.height / 2 - y);
}

test('cropFace gives the reference thumbnail byte for byte, inside the frame and past its edges', () => {
  const next = random(78);
  for (let round = 0; round < 80; round++) {
    const image = noise(20 + Math.floor(next() * 120), 20 + Math.floor(next() * 80), next);
    const frame: Frame = { index: 0, t: 0, ...image };
    const side = 2 + next() * image.width * (round % 2 === 0 ? 0.3 : 1.2);
    const box: [number, number, number, number] = [(next() - 0.2) * image.width, (next() - 0.2) * image.height, side, side * (0.8 + next() * 0.5)];
    const size = round % 3 === 0 ? 96 : 8 + Math.floor(next() * 60);
    assert.deepEqual(cropFace(frame, box, size), referenceCropFace(image, box, size), `round ${round}, box ${box.join(',')}`);
  }
});
