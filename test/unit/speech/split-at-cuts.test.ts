import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitAtCuts } from '../../../engine/src/stages/speech/split-at-cuts.js';

test('speech running over a cut becomes one piece per shot; crumbs at a cut are dropped', () => {
  assert.deepEqual(splitAtCuts([[1, 4], [5, 6]], [3]), [[1, 3], [3, 4], [5, 6]]);
  assert.deepEqual(splitAtCuts([[1, 4]], [3.96, 2]), [[1, 2], [2, 3.96]]);
  assert.deepEqual(splitAtCuts([[1, 4]], [1, 4, 9]), [[1, 4]]);
  assert.deepEqual(splitAtCuts([], [3]), []);
});
