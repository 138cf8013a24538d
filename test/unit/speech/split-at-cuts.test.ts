import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutSegments, splitAtCuts } from '../../../engine/src/stages/speech/split-at-cuts.js';

test('speech running over a cut becomes one piece per shot; crumbs at a cut are dropped', () => {
  assert.deepEqual(cutSegments([[1, 4], [5, 6]], [3]), [[1, 3], [3, 4], [5, 6]]);
  assert.deepEqual(cutSegments([[1, 4]], [3.96, 2]), [[1, 2], [2, 3.96]]);
  assert.deepEqual(cutSegments([[1, 4]], [1, 4, 9]), [[1, 4]]);
  assert.deepEqual(cutSegments([], [3]), []);
});

test('speech is cut where the picture cuts, each piece remembering its segment', () => {
  const a = { start: 1, end: 4 };
  const b = { start: 5, end: 6 };
  const c = { start: 7, end: 12 };
  const pieces = splitAtCuts([a, b, c], [2, 4, 5, 8, 10, 20]);
  assert.deepEqual(pieces.map((p) => [p.start, p.end, p.from]), [[1, 2, a], [2, 4, a], [5, 6, b], [7, 8, c], [8, 10, c], [10, 12, c]]);
  assert.deepEqual(splitAtCuts([a], []).map((p) => [p.start, p.end]), [[1, 4]]);
  // Idempotent: pieces cut again stay as they are.
  const again = splitAtCuts(pieces.map(({ start, end }) => ({ start, end })), [2, 4, 5, 8, 10, 20]);
  assert.deepEqual(again.map((p) => [p.start, p.end]), pieces.map((p) => [p.start, p.end]));
});

test('a cut within a millisecond of an edge of a piece is that edge: pieces kept to the millisecond are not cut into slivers', () => {
  // The frames stage's cuts are frame times (13.0000313 s); the speech pieces are rounded to the millisecond.
  const cuts = [13.0000313, 21.0000313];
  const pieces = cutSegments([[11.548, 15.2], [20.5, 27.62]], cuts);
  assert.deepEqual(pieces, [[11.548, 13], [13, 15.2], [20.5, 21], [21, 27.62]]);
  const again = splitAtCuts(pieces.map(([start, end]) => ({ start, end })), cuts);
  assert.deepEqual(again.map((p) => [p.start, p.end]), pieces);
  assert.ok(again.every((p, i) => p.from.start === pieces[i]![0]), 'each piece is its own segment');
});
