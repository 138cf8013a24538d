import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldRedetect } from '../../../engine/src/stages/faces/detect/redetect-policy.js';

const OPTIONS = { every: 3, stillChange: 3 };

test('a still picture carries its boxes forward between detections every n-th sample', () => {
  assert.equal(shouldRedetect(4, 0.5, OPTIONS), false);
  assert.equal(shouldRedetect(5, 2.9, OPTIONS), false);
  assert.equal(shouldRedetect(6, 0.5, OPTIONS), true, 'periodic detection: faces that appear are found within n samples');
});

test('a picture that moved since the last detection, or the first sample, is detected again', () => {
  assert.equal(shouldRedetect(4, 3, OPTIONS), true, 'moved');
  assert.equal(shouldRedetect(4, 40, OPTIONS), true, 'a cut');
  assert.equal(shouldRedetect(1, null, OPTIONS), true, 'nothing detected yet');
});

test('every 1 detects on every sample', () => {
  assert.equal(shouldRedetect(5, 0, { every: 1, stillChange: 3 }), true);
});
