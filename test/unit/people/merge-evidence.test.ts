// The clustering's evidence rules with the shipped defaults (DEFAULT_PEOPLE_OPTIONS), on synthetic
// tracks whose similarities are set exactly: which pairs become one person, which stay apart.
// Pins the behaviour so that a change of threshold shows up here (STYLE.md point 12).
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

test('defaults: two well-seen people with plenty of faces, 0.28 alike, are one person', () => {
  const tracks = [track(at(1), span(0, 18)), track(at(0.28), span(30, 11))];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: a poorly seen track (quality 0.45), 0.45 alike, joins a person with 7 faces', () => {
  // 0.45 - 0.4 × (0.6 - 0.45) / 0.6 = 0.35 after the quality penalty.
  const tracks = [track(at(1), span(0, 7)), track(at(0.45), span(10, 3), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: a poorly seen track, 0.60 alike, joins a person with 7 faces', () => {
  const tracks = [track(at(1), span(0, 7)), track(at(0.6), span(10, 5), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: a poorly seen track, 0.40 alike, joins a person with 40 faces', () => {
  // 0.40 - 0.1 = 0.30 after the quality penalty.
  const tracks = [track(at(1), span(0, 40)), track(at(0.4), span(50, 4), 0.45)];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 0]);
});

test('defaults: 0.25 alike is two people, however well seen', () => {
  const tracks = [track(at(1), span(0, 20)), track(at(0.25), span(30, 20))];
  assert.deepEqual(clusterTracks(tracks, DEFAULTS), [0, 1]);
});
