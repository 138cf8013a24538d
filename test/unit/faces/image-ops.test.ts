import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cropResizeToTensor } from '../../../engine/src/stages/faces/image/resize.js';
import { warpAffineToTensor } from '../../../engine/src/stages/faces/image/warp.js';
import { applyAffine, IDENTITY, invertAffine, makeSimilarity } from '../../../engine/src/stages/faces/image/affine.js';
import { estimateSimilarity } from '../../../engine/src/stages/faces/image/similarity.js';
import { rgbToGrey } from '../../../engine/src/stages/faces/image/grey.js';
import { laplacianVariance } from '../../../engine/src/stages/faces/image/sharpness.js';
import type { PixelNorm, RgbImage } from '../../../engine/src/stages/faces/image/rgb-image.js';

const RAW: PixelNorm = { order: 'rgb', mean: 0, scale: 1 };

/** R = 2x, G = 3y, B = constant 50: a picture whose bilinear samples are known exactly. */
function makeGradient(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      data[p] = 2 * x;
      data[p + 1] = 3 * y;
      data[p + 2] = 50;
    }
  }
  return { width, height, data };
}

test('resize of a linear gradient samples it at the mapped pixel centres', () => {
  const image = makeGradient(64, 48);
  const out = cropResizeToTensor(image, { x: 8, y: 4, width: 32, height: 32 }, 16, 8, RAW);
  assert.equal(out.length, 3 * 16 * 8);
  for (let j = 0; j < 8; j++) {
    for (let i = 0; i < 16; i++) {
      const sx = 8 + (i + 0.5) * 2 - 0.5;
      const sy = 4 + (j + 0.5) * 4 - 0.5;
      assert.ok(Math.abs(out[j * 16 + i]! - 2 * sx) < 1e-3, `R at ${i},${j}`);
      assert.ok(Math.abs(out[128 + j * 16 + i]! - 3 * sy) < 1e-3, `G at ${i},${j}`);
      assert.equal(out[256 + j * 16 + i], 50);
    }
  }
});

test('resize applies channel order, per-channel normalisation and fills outside the picture', () => {
  const image = makeGradient(8, 8);
  const norm: PixelNorm = { order: 'bgr', mean: [10, 20, 30], scale: [0.5, 0.25, 2], fill: 100 };
  const out = cropResizeToTensor(image, { x: -8, y: 0, width: 16, height: 8 }, 16, 8, norm);
  // Column 0 reads x = -8 (outside): the fill value, normalised per output channel.
  assert.equal(out[0], (100 - 10) * 0.5);
  assert.equal(out[128], (100 - 20) * 0.25);
  // Column 12 reads x = 4, y = 2: B first, then G, then R.
  const at = 2 * 16 + 12;
  assert.equal(out[at], (50 - 10) * 0.5);
  assert.equal(out[128 + at], (6 - 20) * 0.25);
  assert.equal(out[256 + at], (8 - 30) * 2);
});

test('resize writes into a caller buffer at an offset, and grey is BT.601 luma', () => {
  const image: RgbImage = { width: 2, height: 2, data: new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]) };
  const buffer = new Float32Array(10).fill(-1);
  cropResizeToTensor(image, { x: 0, y: 0, width: 2, height: 2 }, 2, 2, { order: 'grey', mean: 0, scale: 1 }, buffer, 3);
  assert.deepEqual(Array.from(buffer.slice(0, 3)), [-1, -1, -1]);
  assert.ok(Math.abs(buffer[3]! - 76.245) < 1e-3 && Math.abs(buffer[4]! - 149.685) < 1e-3);
  assert.ok(Math.abs(buffer[5]! - 29.07) < 1e-3 && Math.abs(buffer[6]! - 255) < 1e-3);
  assert.equal(buffer[7], -1);
  assert.deepEqual(Array.from(rgbToGrey(image)).map((v) => Math.round(v)), [76, 150, 29, 255]);
  assert.throws(() => cropResizeToTensor(image, { x: 0, y: 0, width: 2, height: 2 }, 4, 4, RAW, new Float32Array(10)), RangeError);
});

test('warp with the identity copies the picture; with a rotation it moves pixels where the matrix says', () => {
  const image = makeGradient(20, 20);
  const same = warpAffineToTensor(image, IDENTITY, 20, 20, RAW);
  for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) assert.equal(same[y * 20 + x], 2 * x);

  // Output (u, v) reads source (19 - v, u): a quarter turn. R = 2 * (19 - v), G = 3u.
  const toSource = invertAffine([0, 1, 0, -1, 0, 19]);
  const turned = warpAffineToTensor(image, toSource, 20, 20, RAW);
  for (const [u, v] of [[0, 0], [5, 7], [19, 3]] as const) {
    assert.ok(Math.abs(turned[v * 20 + u]! - 2 * (19 - v)) < 1e-3);
    assert.ok(Math.abs(turned[400 + v * 20 + u]! - 3 * u) < 1e-3);
  }
});

test('warp samples between pixels bilinearly, replicates the edge and reads the fill farther out', () => {
  const image = makeGradient(10, 10);
  const out = warpAffineToTensor(image, [1, 0, 0.25, 0, 1, 0.5], 10, 10, { ...RAW, fill: 7 });
  assert.ok(Math.abs(out[3 * 10 + 4]! - 2 * 4.25) < 1e-4);
  assert.ok(Math.abs(out[100 + 3 * 10 + 4]! - 3 * 3.5) < 1e-4);
  // The last column reads x = 9.25, within half a pixel of the edge: pixel 9 replicated.
  assert.equal(out[9], 18);
  const shifted = warpAffineToTensor(image, [1, 0, 0.75, 0, 1, 0], 10, 10, { ...RAW, fill: 7 });
  assert.equal(shifted[9], 7);
  assert.ok(Math.abs(shifted[8]! - 2 * 8.75) < 1e-4);
});

test('similarity fit recovers a known transform and inverts cleanly', () => {
  const truth = makeSimilarity(1.7, 0.4, 12, -5);
  const from: [number, number][] = [[0, 0], [10, 3], [4, 15], [-7, 8], [3, -9]];
  const to = from.map(([x, y]) => applyAffine(truth, x, y));
  const fitted = estimateSimilarity(from, to);
  fitted.forEach((v, i) => assert.ok(Math.abs(v - truth[i]!) < 1e-9, `coefficient ${i}`));
  const back = invertAffine(fitted);
  const [x, y] = applyAffine(back, ...applyAffine(fitted, 3, 4));
  assert.ok(Math.abs(x - 3) < 1e-9 && Math.abs(y - 4) < 1e-9);
});

test('similarity fit is the least-squares one when the points do not fit exactly', () => {
  // A square and a slightly skewed copy: the best similarity is the identity up to a tiny scale.
  const from: [number, number][] = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
  const to: [number, number][] = [[-1.1, -1], [1.1, -1], [0.9, 1], [-0.9, 1]];
  const [a, b, c, d, e, f] = estimateSimilarity(from, to);
  assert.ok(Math.abs(a - 1) < 1e-9 && Math.abs(e - 1) < 1e-9);
  assert.ok(Math.abs(b) < 0.06 && Math.abs(d) < 0.06 && Math.abs(b + d) < 1e-12);
  assert.ok(Math.abs(c) < 1e-9 && Math.abs(f) < 1e-9);
  assert.throws(() => estimateSimilarity([[1, 1], [1, 1]], [[0, 0], [1, 1]]), RangeError);
});

test('Laplacian variance is zero on flat and linear pictures and grows with detail', () => {
  const flat = new Float32Array(100).fill(9);
  assert.equal(laplacianVariance(flat, 10, 10), 0);
  const ramp = Float32Array.from({ length: 100 }, (_, i) => (i % 10) * 3);
  assert.ok(Math.abs(laplacianVariance(ramp, 10, 10)) < 1e-9);
  const checker = Float32Array.from({ length: 100 }, (_, i) => ((i % 10) + Math.floor(i / 10)) % 2 * 100);
  const soft = Float32Array.from({ length: 100 }, (_, i) => ((i % 10) + Math.floor(i / 10)) % 2 * 20);
  assert.ok(laplacianVariance(checker, 10, 10) > 25 * laplacianVariance(soft, 10, 10) - 1e-6);
  assert.ok(laplacianVariance(soft, 10, 10) > 0);
});
