// The clustering's evidence rules with the shipped defaults (DEFAULT_PEOPLE_OPTIONS), on synthetic
// tracks whose similarities are set exactly: which pairs become one person, which stay apart.
// Pins the behaviour so that a change of threshold shows up here (STYLE.md point 12); the cases
// marked "until issue 12" changed with the strong-evidence rule (docs/evaluation.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PEOPLE_OPTIONS } from '../../../engine/src/stages/people/build-people.js';
import { clusterTracks, type TrackForClustering } from '../../../engine/src/stages/people/track-clustering.js';

const DEFAULTS = { ...DEFAULT_PEOPLE_OPTIONS, threshold: DEFAULT_PEOPLE_OPTIONS.clusterThreshold };

/** A unit vector at exactly `cosine` from the first axis (in the plane of axes 0 and `axis`). */
function at(cosine: number, axis = 1): Float32Array {
  const v = new Float32Array(8);
  v[0] = cosine;
  v[axis] = Math.sqrt(1 - cosine * cosine);
  return v;
}

function track(embedding: Float32Array, samples: number[], quality = 1, faces = samples.length): TrackForClustering {
  return { embedding, samples, weight: Math.min(faces, 8), quality, faces };
}

const span = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

test('defaults: two well-seen people with plenty of faces, 0.31 alike, are one person', () => {
  const tracks = [track(at(1), span(0, 20)), track(at(0.31), span(30, 20))];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: two well-seen people with plenty of faces, 0.28 alike, stay two (one person until issue 12)', () => {
  // bench2/dev: Matthew Perry (11 faces) joined Leonardo DiCaprio (18) at 0.275.
  const tracks = [track(at(1), span(0, 18)), track(at(0.28), span(30, 11))];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 1]);
});

test('defaults: a poorly seen track (quality 0.45), 0.45 alike, stays apart from a person with 7 faces (joined until issue 12)', () => {
  // 0.45 - 0.4 × (0.6 - 0.45) / 0.6 = 0.35 after the quality penalty; 0.55 is needed against few faces.
  const tracks = [track(at(1), span(0, 7)), track(at(0.45), span(10, 3), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 1]);
});

test('defaults: a poorly seen track, 0.60 alike (0.50 after the penalty), stays apart from a person with 7 faces (joined until issue 12)', () => {
  const tracks = [track(at(1), span(0, 7)), track(at(0.6), span(10, 5), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 1]);
});

test('defaults: a poorly seen track, 0.70 alike (0.60 after the penalty), still joins a person with 7 faces', () => {
  const tracks = [track(at(1), span(0, 7)), track(at(0.7), span(10, 5), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: a poorly seen track, 0.40 alike (0.30 after the penalty), stays apart from a person with 40 faces (joined until issue 12)', () => {
  const tracks = [track(at(1), span(0, 40)), track(at(0.4), span(50, 4), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 1]);
});

test('defaults: a poorly seen track, 0.50 alike (0.40 after the penalty), joins a well-supported person with 40 faces', () => {
  const tracks = [track(at(1), span(0, 40)), track(at(0.5), span(50, 4), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: 0.25 alike is two people, however well seen', () => {
  const tracks = [track(at(1), span(0, 20)), track(at(0.25), span(30, 20))];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 1]);
});

const RULE = { threshold: 0.3, lowQualityPenalty: 0, goodQuality: 0.6, weakMargin: 0.05, fewFacesMargin: 0.2, fewFaces: 10 };

test('rule: a well-seen group lifts a poorly seen one it has absorbed: the group is as well seen as its best track', () => {
  // The poor track (quality 0.5) first joins a well-seen track of the same person at 0.9; the group
  // then meets another well-seen track at (8 × 0.297 + 3 × 0.33) / 11 = 0.306: both groups are well
  // seen, so 0.30 is enough (judged by its poor track, the group would need 0.35).
  const tracks = [track(at(0.9, 2), span(0, 20)), track(at(1), span(30, 3), 0.5), track(at(0.33), span(60, 20))];
  const a = clusterTracks(tracks.slice(0, 2), RULE);
  assert.deepEqual(a, [0, 0]);
  const all = clusterTracks(tracks, RULE);
  assert.equal(all[0], all[1]);
});

test('rule: the few-faces margin counts the faces of the person joined, not of the poor track', () => {
  const poor = track(at(0.5), span(100, 30), 0.5); // 30 faces, but poorly seen
  assert.deepEqual(clusterTracks([track(at(1), span(0, 9)), poor], RULE), [0, 1], 'against 9 faces 0.55 is needed');
  assert.deepEqual(clusterTracks([track(at(1), span(0, 10)), poor], RULE), [0, 0], 'against 10 faces 0.35 is enough');
});

test('rule: margins of 0 are the plain threshold (the rule off)', () => {
  const off = { ...RULE, weakMargin: 0, fewFacesMargin: 0 };
  assert.deepEqual(clusterTracks([track(at(1), span(0, 3)), track(at(0.31), span(10, 3), 0.1)], off), [0, 0]);
});
