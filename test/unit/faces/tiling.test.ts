import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDetectionViews, tilesOver, type TilingOptions } from '../../../engine/src/stages/faces/detect/tiling.js';

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

test('a known face gets the one tile that holds it whole, farthest from its edges; a bigger face across tile edges gets none', () => {
  const tiles = planDetectionViews(1280, 720, OPTIONS).views.slice(1);
  // Every face up to the overlap, anywhere: exactly one tile, and it holds the face whole.
  for (let x = 0; x + 96 <= 1280; x += 32) {
    for (let y = 0; y + 96 <= 720; y += 32) {
      const [only, ...rest] = tilesOver(tiles, [[x, y, 96, 96]]);
      assert.equal(rest.length, 0);
      assert.ok(x >= only!.x && y >= only!.y && x + 96 <= only!.x + only!.width && y + 96 <= only!.y + only!.height, `face at ${x},${y}`);
    }
  }
  // A 40 px face in the overlap of the first two top tiles goes to the one it sits deeper in.
  const [left, middle] = tiles;
  assert.deepEqual(tilesOver(tiles, [[middle!.x + 5, 200, 40, 40]]), [left]);
  assert.deepEqual(tilesOver(tiles, [[left!.x + left!.width - 45, 200, 40, 40]]), [middle]);
  // A 130 px face centred where four tiles meet lies whole in none of them.
  const meet = { x: tiles[1]!.x + 48, y: tiles[3]!.y + 48 };
  assert.deepEqual(tilesOver(tiles, [[meet.x - 65, meet.y - 65, 130, 130]]), []);
  // Two faces in the same tile run it once.
  assert.equal(tilesOver(tiles, [[20, 20, 30, 30], [60, 60, 30, 30]]).length, 1);
});
