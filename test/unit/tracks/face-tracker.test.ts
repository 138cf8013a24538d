import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignShots, linkFacesIntoTracks } from '../../../engine/src/stages/tracks/face-tracker.js';
import type { DetectedFace } from '../../../engine/src/stages/frames/frame.js';

function unit(values: number[]): Float32Array {
  const v = new Float32Array(8);
  values.forEach((x, i) => (v[i] = x));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const ALICE = unit([1, 0.1]);
const BOB = unit([0.1, 1]);

function face(sample: number, x: number, embedding: Float32Array | null, setAside?: DetectedFace['setAside']): DetectedFace {
  return { sample, t: sample / 2, box: [x, 100, 80, 80], score: 0.99, landmarks: null, embedding, quality: 0.9, female: null, ...(setAside ? { setAside } : {}) };
}

test('two people side by side become two tracks that never swap', () => {
  const faces = [0, 1, 2, 3].flatMap((s) => [face(s, 100 + s * 5, ALICE), face(s, 600 - s * 5, BOB)]);
  const { tracks, trackOf } = linkFacesIntoTracks(faces, [0, 0, 0, 0]);
  assert.equal(tracks.length, 2);
  assert.deepEqual(tracks[0], [0, 2, 4, 6]);
  assert.deepEqual(tracks[1], [1, 3, 5, 7]);
  assert.equal(trackOf.length, faces.length);
});

test('a shot cut ends every track even when the boxes overlap', () => {
  const faces = [face(0, 100, ALICE), face(1, 100, ALICE), face(2, 100, ALICE), face(3, 100, ALICE)];
  const shots = assignShots([0, 0.5, 1, 1.5], [0.9]);
  assert.deepEqual(shots, [0, 0, 1, 1]);
  const { tracks } = linkFacesIntoTracks(faces, shots);
  assert.deepEqual(tracks, [[0, 1], [2, 3]]);
});

test('a different face in the same place is not linked (missed cut vetoed by the embedding)', () => {
  const other = unit([-1, 0.2]);
  const faces = [face(0, 100, ALICE), face(1, 100, other)];
  assert.equal(linkFacesIntoTracks(faces, [0, 0]).tracks.length, 2);
});

test('a track survives a short gap but not a long one', () => {
  const faces = [face(0, 100, ALICE), face(3, 100, ALICE), face(7, 100, ALICE)];
  const { tracks } = linkFacesIntoTracks(faces, new Array(8).fill(0));
  assert.deepEqual(tracks, [[0, 1], [2]]);
});

test('faces set aside are never tracked', () => {
  const faces = [face(0, 100, null, 'too-small'), face(1, 100, ALICE)];
  const { trackOf } = linkFacesIntoTracks(faces, [0, 0]);
  assert.equal(trackOf[0], null);
  assert.equal(trackOf[1], 0);
});
