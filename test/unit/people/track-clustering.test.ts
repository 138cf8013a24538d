import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterTracks, type TrackForClustering } from '../../../engine/src/stages/people/track-clustering.js';

/** A deterministic unit vector near a person's direction: person p, variation k. */
function near(person: number, k: number, spread = 0.25): Float32Array {
  const v = new Float32Array(16);
  v[person] = 1;
  v[8 + (k % 8)] = spread;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const OPTIONS = (threshold: number) => ({ threshold, lowQualityPenalty: 0.4, goodQuality: 0.6, weakMargin: 0, fewFacesMargin: 0, fewFaces: 0 });

function track(person: number, k: number, samples: number[]): TrackForClustering {
  return { embedding: near(person, k), samples, weight: 1, quality: 1 };
}

test('tracks of the same person join; different people stay apart; the count is found', () => {
  const tracks = [track(0, 0, [0, 1]), track(1, 1, [5, 6]), track(0, 2, [10]), track(2, 3, [12]), track(1, 4, [20, 21])];
  assert.deepEqual(clusterTracks(tracks, OPTIONS(0.5)), [0, 1, 0, 2, 1]);
});

test('two tracks in the same sample are never the same person, however alike', () => {
  const tracks = [track(0, 0, [0, 1]), track(0, 0, [1, 2])];
  assert.deepEqual(clusterTracks(tracks, OPTIONS(0.1)), [0, 1]);
});

test('a cannot-link survives merges: A1~A2, B~A2 by look, but B shares a sample with A1', () => {
  const tracks = [track(0, 0, [0]), track(0, 1, [3]), { embedding: near(0, 2), samples: [0], weight: 1, quality: 1 }];
  const labels = clusterTracks(tracks, OPTIONS(0.5));
  assert.notEqual(labels[0], labels[2]);
  assert.equal(new Set(labels).size, 2);
});

test('a high threshold keeps every track its own person', () => {
  const tracks = [track(0, 0, [0]), track(0, 1, [3]), track(0, 2, [6])];
  assert.deepEqual(clusterTracks(tracks, OPTIONS(0.999)), [0, 1, 2]);
});

test('poor-quality tracks need more similarity to join (blurred faces look alike whoever they are)', () => {
  // cosine of the two embeddings: 1 / (1 + 1.2²) = 0.41
  const pair = (quality: number) => [
    { embedding: near(0, 0, 1.2), samples: [0], weight: 1, quality },
    { embedding: near(0, 1, 1.2), samples: [5], weight: 1, quality },
  ];
  assert.deepEqual(clusterTracks(pair(0.6), OPTIONS(0.3)), [0, 0], 'good faces: 0.41 > 0.3, one person');
  // poor faces: 0.41 - 0.4 × (0.6 - 0.3) / 0.6 = 0.21 < 0.3, kept apart
  assert.deepEqual(clusterTracks(pair(0.3), OPTIONS(0.3)), [0, 1]);
});
