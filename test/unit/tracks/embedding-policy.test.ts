import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planEmbedding, type EmbeddingPolicyOptions, type FaceChain } from '../../../engine/src/stages/tracks/embedding-policy.js';
import type { Box } from '../../../shared/src/analysis.js';

const OPTIONS: EmbeddingPolicyOptions = { everySeconds: 2, stride: 0, minIou: 0.5, ambiguousIou: 0.1, betterBy: 0.05 };
const here: Box = [100, 100, 80, 80];
const moved: Box = [104, 102, 80, 80];
const elsewhere: Box = [600, 100, 80, 80];
const chain: FaceChain = { box: here, embeddedAt: 10, bestQuality: 0.7 };

test('a face continuing in place is not embedded again until its chain is everySeconds old', () => {
  const next = planEmbedding({ box: moved, t: 11, quality: 0.7, sample: 23 }, [chain], OPTIONS);
  assert.equal(next.embed, false);
  assert.deepEqual(next.chain, { box: moved, embeddedAt: 10, bestQuality: 0.7 }, 'the chain moves with the face and keeps its last embedding');
  assert.equal(planEmbedding({ box: moved, t: 12, quality: 0.6, sample: 25 }, [chain], OPTIONS).embed, true);
});

test('a continuing face clearly better seen than the chain’s best is embedded, and raises the bar', () => {
  assert.equal(planEmbedding({ box: moved, t: 10.5, quality: 0.74, sample: 21 }, [chain], OPTIONS).embed, false, 'within the margin');
  const better = planEmbedding({ box: moved, t: 10.5, quality: 0.8, sample: 21 }, [chain], OPTIONS);
  assert.deepEqual(better, { embed: true, chain: { box: moved, embeddedAt: 10.5, bestQuality: 0.8 } });
});

test('a face with no predecessor in the previous sample is always embedded', () => {
  assert.equal(planEmbedding({ box: elsewhere, t: 10.5, quality: 0.3, sample: 21 }, [chain], OPTIONS).embed, true);
  assert.deepEqual(planEmbedding({ box: here, t: 0, quality: 0.3, sample: 1 }, [], OPTIONS), { embed: true, chain: { box: here, embeddedAt: 0, bestQuality: 0.3 } });
});

test('a face overlapping two faces of the previous sample is embedded: the link is ambiguous', () => {
  const neighbour: FaceChain = { box: [150, 100, 80, 80], embeddedAt: 10, bestQuality: 0.7 };
  assert.equal(planEmbedding({ box: moved, t: 10.5, quality: 0.6, sample: 21 }, [chain, neighbour], OPTIONS).embed, true);
});

test('everySeconds 0 embeds every face', () => {
  assert.equal(planEmbedding({ box: moved, t: 10.5, quality: 0.1, sample: 21 }, [chain], { ...OPTIONS, everySeconds: 0 }).embed, true);
});

test('with a stride, every face of every stride-th sample is embedded as well', () => {
  const options = { ...OPTIONS, stride: 2 };
  assert.equal(planEmbedding({ box: moved, t: 10.5, quality: 0.6, sample: 21 }, [chain], options).embed, false);
  assert.equal(planEmbedding({ box: moved, t: 11, quality: 0.6, sample: 22 }, [chain], options).embed, true);
});
