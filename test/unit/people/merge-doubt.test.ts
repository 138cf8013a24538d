// "Check: may be two people": the flag on a person whose two halves look less alike than usual.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDoubts } from '../../../engine/src/stages/people/merge-doubt.js';
import { clusterTracksWithMerges, type TrackForClustering } from '../../../engine/src/stages/people/track-clustering.js';

/** A unit vector: mostly along `axis`, tilted by `tilt` towards axis 7 (tracks of one person differ a little). */
function look(axis: number, tilt = 0): Float32Array {
  const v = new Float32Array(8);
  v[axis] = 1;
  v[7] = tilt;
  const norm = Math.hypot(1, tilt);
  return v.map((x) => x / norm);
}

/** Two directions `cosine` apart, mixed from axes 0 and 1. */
function between(cosine: number): Float32Array {
  const v = new Float32Array(8);
  v[0] = cosine;
  v[1] = Math.sqrt(1 - cosine * cosine);
  return v;
}

const track = (embedding: Float32Array, first: number, faces: number): TrackForClustering => ({
  embedding,
  samples: Array.from({ length: faces }, (_, i) => first + i),
  weight: Math.min(faces, 8),
  quality: 1,
  faces,
});
const OPTIONS = { threshold: 0.3, lowQualityPenalty: 0.4, goodQuality: 0.6, weakMargin: 0.05, fewFacesMargin: 0.2, fewFaces: 10 };

function doubtsOf(tracks: TrackForClustering[], doubtSimilarity = 0.4) {
  const { labels, merges } = clusterTracksWithMerges(tracks, OPTIONS);
  return { labels, doubts: findDoubts(merges, labels, tracks.map((t) => t.faces ?? 0), { doubtSimilarity }) };
}

test('a person made of two groups that are only 0.36 alike is flagged, with both groups, the larger first', () => {
  // Tracks 0, 2 are one look (20 + 12 faces); tracks 1, 3 another (8 + 6 faces), 0.36 from the first.
  const a = between(1);
  const b = between(0.36);
  const { labels, doubts } = doubtsOf([track(a, 0, 20), track(b, 100, 8), track(a, 200, 12), track(b, 300, 6)]);
  assert.deepEqual(labels, [0, 0, 0, 0], 'one person: 0.36 is above the threshold');
  assert.equal(doubts.length, 1);
  assert.equal(doubts[0]?.reason, 'two-groups');
  assert.deepEqual(doubts[0]?.groups, [[0, 2], [1, 3]]);
  assert.ok(Math.abs(doubts[0]!.similarity - 0.36) < 0.001, `similarity ${doubts[0]?.similarity}`);
});

test('a person whose tracks all look alike is not flagged', () => {
  const { labels, doubts } = doubtsOf([track(look(0, 0.2), 0, 12), track(look(0, 0.4), 50, 12), track(look(0, 0.1), 90, 12)]);
  assert.deepEqual(labels, [0, 0, 0]);
  assert.deepEqual(doubts, [undefined]);
});

test('people of one track, and people apart, are never flagged; each person is judged on its own last merge', () => {
  const b = between(0.36);
  const { labels, doubts } = doubtsOf([track(look(2), 0, 12), track(look(3), 20, 12), track(between(1), 40, 12), track(b, 60, 12)]);
  assert.deepEqual(labels, [0, 1, 2, 2]);
  assert.deepEqual(doubts.map((d) => d?.groups), [undefined, undefined, [[2], [3]]]);
});

test('the flag threshold decides: the same person at 0.30 is not flagged', () => {
  const { doubts } = doubtsOf([track(between(1), 0, 12), track(between(0.36), 50, 12)], 0.3);
  assert.deepEqual(doubts, [undefined]);
});
