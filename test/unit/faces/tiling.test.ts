import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDetectionViews, type TilingOptions } from '../../../engine/src/stages/faces/detect/tiling.js';

const OPTIONS: TilingOptions = { modelWidth: 320, modelHeight: 240, reliableFaceSize: 24, minFaceSize: 20, maxRuns: 7 };

test('a frame small enough for the minimum face at the model scale is seen whole, once', () => {
  // 256x192 → 0.8 source px per model px: a 20 px face is 25 model px, above the reliable 24.
  assert.deepEqual(planDetectionViews(256, 192, OPTIONS).views, [{ x: 0, y: 0, width: 256, height: 192 }]);
  // 320x240 at 1:1 would show it at 20 model px: tiles (upscaled) are planned.
  assert.ok(planDetectionViews(320, 240, OPTIONS).views.length > 1);
});

test('a 720p frame gets the whole view and a 3x2 grid of overlapping tiles covering it', () => {
  const { views, tileFaceLimit } = planDetectionViews(1280, 720, OPTIONS);
  assert.equal(views.length, 7);
  assert.deepEqual(views[0], { x: 0, y: 0, width: 1280, height: 720 });
  // The overlap is the smallest face the whole view finds reliably: 24 model px at 4 source px each.
  assert.equal(tileFaceLimit, 96);
  const tiles = views.slice(1);
  for (const t of tiles) assert.ok(t.x >= -1e-9 && t.y >= -1e-9 && t.x + t.width <= 1280 + 1e-9 && t.y + t.height <= 720 + 1e-9);
  // Every face up to the overlap in size, anywhere, lies whole inside some tile.
  for (let x = 0; x + 96 <= 1280; x += 16) {
    for (let y = 0; y + 96 <= 720; y += 16) {
      assert.ok(tiles.some((t) => x >= t.x && y >= t.y && x + 96 <= t.x + t.width && y + 96 <= t.y + t.height), `face at ${x},${y}`);
    }
  }
  // Tiles are finer than the whole view: fewer source pixels per model pixel.
  for (const t of tiles) assert.ok(Math.max(t.width / 320, t.height / 240) < 2);
});

test('the grid respects the run budget and stops when the target scale is reached', () => {
  assert.equal(planDetectionViews(1280, 720, { ...OPTIONS, maxRuns: 5 }).views.length, 5);
  assert.equal(planDetectionViews(1280, 720, { ...OPTIONS, maxRuns: 1 }).views.length, 1);
  // With big minimum faces the whole view is enough.
  assert.equal(planDetectionViews(1280, 720, { ...OPTIONS, minFaceSize: 96 }).views.length, 1);
  // 640x360 at min 20: tiles needed, and no more than the budget.
  const small = planDetectionViews(640, 360, OPTIONS).views;
  assert.ok(small.length > 1 && small.length <= 7);
});
