/**
 * Which detector views run, with a fake detector that sees one big face in the whole view: the
 * whole view runs first, alone, when a policy may narrow the tiles (detect/tile-policy.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFaces } from '../../../engine/src/stages/faces/detect/detector.js';
import type { RunModel } from '../../../engine/src/stages/faces/face-models.js';

const FRAME = { width: 1280, height: 720, data: new Uint8Array(1280 * 720 * 3) };
const OPTIONS = { minFaceSize: 20, scoreThreshold: 0.6, maxRuns: 7 };

/** One prior per view: a face of half the view's height in its middle (score 0.9 in view 0, none in tiles). */
function fakeDetector(batches: number[]): RunModel {
  return async (_id, feeds) => {
    const views = feeds['input']!.dims[0]!;
    const isWholeFirst = batches.length === 0;
    batches.push(views);
    const scores = new Float32Array(views * 2);
    const boxes = new Float32Array(views * 4);
    for (let v = 0; v < views; v++) {
      const face = isWholeFirst && v === 0 ? 0.9 : 0;
      scores.set([1 - face, face], v * 2);
      boxes.set([0.4, 0.25, 0.6, 0.75], v * 4);
    }
    return { scores: { data: scores, dims: [1, views, 2] }, boxes: { data: boxes, dims: [1, views, 4] } };
  };
}

test('without a narrowing policy every view runs in one batch', async () => {
  const batches: number[] = [];
  const faces = await detectFaces(FRAME, fakeDetector(batches), OPTIONS);
  assert.deepEqual(batches, [7]);
  assert.equal(faces.length, 1);
});

test('a policy sees the whole view’s faces first and may run no tile at all', async () => {
  const batches: number[] = [];
  const seen: number[][] = [];
  const faces = await detectFaces(FRAME, fakeDetector(batches), { ...OPTIONS, narrowTiles: (whole) => (seen.push(...whole.map((b) => [...b])), []) });
  assert.deepEqual(batches, [1], 'the whole view alone');
  assert.equal(seen.length, 1);
  assert.deepEqual(seen[0]!.map(Math.round), [512, 180, 256, 360]);
  assert.equal(faces.length, 1);
});

test('a policy returning null runs every tile after the whole view; a focus runs only the tiles over it', async () => {
  const all: number[] = [];
  await detectFaces(FRAME, fakeDetector(all), { ...OPTIONS, narrowTiles: () => null });
  assert.deepEqual(all, [1, 6]);
  const focused: number[] = [];
  await detectFaces(FRAME, fakeDetector(focused), { ...OPTIONS, narrowTiles: () => [[10, 10, 30, 30]] });
  assert.deepEqual(focused, [1, 1], 'only the top-left tile covers that corner');
});
