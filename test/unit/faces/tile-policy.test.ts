import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseTileFocus, greyThumbnail } from '../../../engine/src/stages/faces/detect/tile-policy.js';
import type { Box } from '../../../shared/src/analysis.js';

const OPTIONS = { fullScanEvery: 4, sceneChange: 8, thumbnailWidth: 4, thumbnailHeight: 2 };
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
