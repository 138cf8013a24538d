import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseTileFocus, greyThumbnail, narrowTilesForCloseUp } from '../../../engine/src/stages/faces/detect/tile-policy.js';
import type { Box } from '../../../shared/src/analysis.js';

const OPTIONS = { fullScanEvery: 4, sceneChange: 8, thumbnailWidth: 4, thumbnailHeight: 2, closeUp: 0.25, closeUpFullScanEvery: 16 };
const small: Box[] = [[600, 300, 30, 30]];

test('every tile runs on the first sample, every fourth sample and after a big change of picture', () => {
  assert.equal(chooseTileFocus(1, null, small, OPTIONS), null, 'nothing to compare with');
  assert.equal(chooseTileFocus(8, 0.5, small, OPTIONS), null, 'periodic full scan');
  assert.equal(chooseTileFocus(5, 30, small, OPTIONS), null, 'a cut or a new scene');
});

test('a steady picture runs only the tiles over the small faces it had (none when it had none)', () => {
  assert.deepEqual(chooseTileFocus(5, 2, small, OPTIONS), small);
  assert.deepEqual(chooseTileFocus(5, 2, [], OPTIONS), []);
});

test('the grey thumbnail takes each cell centre and weighs the channels like luma', () => {
  // 4x2 picture: left half pure red, right half pure blue.
  const rgb = new Uint8Array(4 * 2 * 3);
  for (let p = 0; p < 8; p++) rgb.set(p % 4 < 2 ? [255, 0, 0] : [0, 0, 255], p * 3);
  assert.deepEqual([...greyThumbnail(rgb, 4, 2, 2, 1)], [Math.floor(255 * 0.299), Math.floor(255 * 0.114)]);
});

test('a close-up runs only the tiles over the small faces its whole view glimpsed', () => {
  const closeUp: Box = [500, 150, 260, 300];
  assert.deepEqual(narrowTilesForCloseUp(5, [closeUp, small[0]!], 720, 60, OPTIONS), small);
  assert.deepEqual(narrowTilesForCloseUp(5, [closeUp], 720, 60, OPTIONS), [], 'no tile at all');
});

test('a picture without a close-up, and every closeUpFullScanEvery-th sample, run every tile', () => {
  const medium: Box = [500, 150, 120, 150];
  assert.equal(narrowTilesForCloseUp(5, [medium, small[0]!], 720, 60, OPTIONS), null, 'no face fills a quarter of the height');
  assert.equal(narrowTilesForCloseUp(5, [], 720, 60, OPTIONS), null, 'nothing seen: small faces may be anywhere');
  assert.equal(narrowTilesForCloseUp(32, [[500, 150, 260, 300]], 720, 60, OPTIONS), null, 'periodic full scan');
});
