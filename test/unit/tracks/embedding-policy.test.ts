import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planEmbedding, type EmbeddingPolicyOptions, type FaceChain } from '../../../engine/src/stages/tracks/embedding-policy.js';
import type { Box } from '../../../shared/src/analysis.js';

const OPTIONS: EmbeddingPolicyOptions = { everySeconds: 2, stride: 0, minIou: 0.5, ambiguousIou: 0.1, betterBy: 0.05, topK: 0, freshChange: Infinity };
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

const TOP: EmbeddingPolicyOptions = { everySeconds: Infinity, stride: 1, minIou: 0.5, ambiguousIou: 0.1, betterBy: Infinity, topK: 3, freshChange: 16 };

/** Replays the policy on one chain of faces in place, returning which were embedded. */
function replay(qualities: readonly number[], options: EmbeddingPolicyOptions): boolean[] {
  let chains: FaceChain[] = [];
  return qualities.map((quality, sample) => {
    const plan = planEmbedding({ box: sample % 2 ? here : moved, t: sample / 2, quality, sample }, chains, options);
    chains = [plan.chain];
    return plan.embed;
  });
}

test('with topK and every face due, a continuing face is embedded exactly when it enters its chain’s k best so far', () => {
  const qualities = [0.5, 0.4, 0.6, 0.3, 0.55, 0.45, 0.7, 0.5, 0.2];
  const embedded = replay(qualities, TOP);
  assert.deepEqual(embedded, [true, true, true, false, true, false, true, false, false]);
  // Whatever the order, the chain's k best faces are all among the embedded ones.
  const best = qualities.map((q, i) => [q, i] as const).sort((a, b) => b[0] - a[0]).slice(0, TOP.topK);
  for (const [, i] of best) assert.equal(embedded[i], true, `face ${i} is among the 3 best`);
});

test('with topK, a tie does not enter: the earlier face keeps its place, as people/build-people.ts sorts', () => {
  assert.deepEqual(replay([0.5, 0.5, 0.5, 0.5], TOP), [true, true, true, false]);
});

test('with topK, two faces near one chain each start afresh, and after a big picture change the chain’s best do', () => {
  const top: FaceChain = { box: here, embeddedAt: 10, bestQuality: 0.9, top: [0.9, 0.9, 0.9] };
  const beside: Box = [150, 100, 80, 80];
  const alone = planEmbedding({ box: moved, t: 10.5, quality: 0.5, sample: 21 }, [top], TOP, { boxes: [moved], change: 3 });
  assert.equal(alone.embed, false, 'below the chain’s 3 best');
  const shared = planEmbedding({ box: moved, t: 10.5, quality: 0.5, sample: 21 }, [top], TOP, { boxes: [moved, beside], change: 3 });
  assert.deepEqual(shared, { embed: true, chain: { box: moved, embeddedAt: 10.5, bestQuality: 0.9, top: [0.5] } });
  const afterCut = planEmbedding({ box: moved, t: 10.5, quality: 0.5, sample: 21 }, [top], TOP, { boxes: [moved], change: 20 });
  assert.deepEqual(afterCut, { embed: true, chain: { box: moved, embeddedAt: 10.5, bestQuality: 0.9, top: [0.5] } });
  const notDue = planEmbedding({ box: moved, t: 10.5, quality: 0.5, sample: 21 }, [top], { ...TOP, stride: 2 }, { boxes: [moved], change: 20 });
  assert.deepEqual(notDue, { embed: false, chain: { ...top, box: moved, top: [] } }, 'not due: left out as before, but the next due face is embedded');
});

test('with topK, a face due by the stride is embedded only when it enters the k best of the faces embedded so far', () => {
  const qualities = [0.5, 0.9, 0.4, 0.9, 0.6, 0.9, 0.3, 0.9, 0.7];
  // Even samples are due; the chain's 3 best embedded are then 0.5, 0.4, 0.6 → 0.3 stays out, 0.7 enters.
  assert.deepEqual(replay(qualities, { ...TOP, stride: 2 }), [true, false, true, false, true, false, false, false, true]);
});
