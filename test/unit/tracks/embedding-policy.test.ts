import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldEmbedFace } from '../../../engine/src/stages/tracks/embedding-policy.js';
import type { Box } from '../../../shared/src/analysis.js';

const OPTIONS = { stride: 2, minIou: 0.5 };
const here: Box = [100, 100, 80, 80];
const moved: Box = [104, 102, 80, 80];
const elsewhere: Box = [600, 100, 80, 80];

test('a face continuing in place is embedded only on every stride-th sample', () => {
  assert.equal(shouldEmbedFace(moved, 3, [here], OPTIONS), false);
  assert.equal(shouldEmbedFace(moved, 4, [here], OPTIONS), true);
});

test('a face with no predecessor in the previous sample is always embedded', () => {
  assert.equal(shouldEmbedFace(elsewhere, 3, [here], OPTIONS), true);
  assert.equal(shouldEmbedFace(here, 3, [], OPTIONS), true);
});

test('stride 1 embeds every face', () => {
  assert.equal(shouldEmbedFace(moved, 3, [here], { stride: 1, minIou: 0.5 }), true);
});
