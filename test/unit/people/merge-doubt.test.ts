// "Check: may be two people": the flag on a person whose two halves look less alike than usual.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DetectedFace } from '../../../engine/src/stages/frames/frame.js';
import { buildPeople } from '../../../engine/src/stages/people/build-people.js';
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

function doubtsOf(tracks: TrackForClustering[], doubtSimilarity = 0.4, doubtMargin = 0) {
  const { labels, merges } = clusterTracksWithMerges(tracks, OPTIONS);
  return { labels, doubts: findDoubts(merges, labels, tracks.map((t) => t.faces ?? 0), { doubtSimilarity, doubtMargin }) };
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

test('a poorly seen track that only just had the evidence to join is flagged, by the margin over what it needed', () => {
  // A poorly seen track (quality 0.5, penalty 0.4 × 0.1 / 0.6 = 0.067) joins a person of 7 faces: 0.55 needed.
  const poor = { ...track(between(0.63), 100, 4), quality: 0.5 };
  const { labels, doubts } = doubtsOf([track(between(1), 0, 7), poor], 0.4, 0.05);
  assert.deepEqual(labels, [0, 0], '0.63 − 0.067 = 0.563 > 0.55');
  assert.deepEqual(doubts[0]?.groups, [[0], [1]], 'but within 0.05 of it');
  assert.deepEqual(doubtsOf([track(between(1), 0, 7), poor], 0.4, 0).doubts, [undefined], 'without the margin, 0.563 > 0.40: no flag');
});

test('buildPeople puts the doubt on the cluster and draws its sheet as the two groups side by side', () => {
  // Four tracks of 12 faces: tracks 0 and 2 one look, tracks 1 and 3 another 0.36 away (as above).
  const looks = [between(1), between(0.36), between(1), between(0.36)];
  const detected: DetectedFace[] = [];
  const tracks: number[][] = looks.map((embedding, k) =>
    Array.from({ length: 12 }, (_, i) => {
      detected.push({ sample: k * 20 + i, t: (k * 20 + i) / 2, box: [0, 0, 80, 80], score: 0.99, landmarks: null, embedding, quality: 0.9 - i * 0.01, female: 0.5 });
      return detected.length - 1;
    }),
  );
  const people = buildPeople(detected, { tracks, trackOf: tracks.flatMap((faces, k) => faces.map(() => k)) });
  assert.equal(people.clusters.length, 1);
  const [cluster] = people.clusters;
  assert.equal(cluster?.doubt?.reason, 'two-groups');
  // Both groups have 24 faces; which comes first is a tie, so compare as a set of groups.
  assert.deepEqual(cluster?.doubt?.groups.map((g) => g.join(',')).sort(), ['0,2', '1,3']);
  assert.equal(people.sheetSplits[0], 3, 'three faces of each group on a sheet of six');
  const trackOf = (face: number) => tracks.findIndex((faces) => faces.includes(face));
  const sheet = people.sheetFaces[0]!.map(trackOf);
  assert.deepEqual(new Set(sheet.slice(0, 3).map((k) => k % 2)).size, 1, 'the left half is one group');
  assert.deepEqual(new Set(sheet.slice(3).map((k) => k % 2)).size, 1, 'the right half the other');
  assert.notEqual(sheet[0]! % 2, sheet[3]! % 2);
});

test('buildPeople leaves a person of one look unflagged, with an ordinary sheet', () => {
  const detected: DetectedFace[] = [];
  const tracks: number[][] = [0, 1].map((k) =>
    Array.from({ length: 12 }, (_, i) => {
      detected.push({ sample: k * 20 + i, t: k * 10 + i / 2, box: [0, 0, 80, 80], score: 0.99, landmarks: null, embedding: look(0, 0.1 * k), quality: 0.9, female: 0.5 });
      return detected.length - 1;
    }),
  );
  const people = buildPeople(detected, { tracks, trackOf: tracks.flatMap((faces, k) => faces.map(() => k)) });
  assert.equal(people.clusters.length, 1);
  assert.equal(people.clusters[0]?.doubt, undefined);
  assert.deepEqual(people.sheetSplits, [null]);
});
