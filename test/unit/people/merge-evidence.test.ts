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

/** A person of `faces` well-seen faces, and a second track `cosine` from them: one person or two? */
interface PinCase {
  says: string;
  faces: number;
  cosine: number;
  /** Faces and quality of the second track. */
  other: { faces: number; quality: number };
  isOnePerson: boolean;
}

const PINS: PinCase[] = [
  { says: 'two well-seen people, 0.31 alike, are one person', faces: 20, cosine: 0.31, other: { faces: 20, quality: 1 }, isOnePerson: true },
  // bench2/dev: Matthew Perry (11 faces) joined Leonardo DiCaprio (18) at 0.275.
  { says: 'two well-seen people, 0.28 alike, stay two (one until issue 12)', faces: 18, cosine: 0.28, other: { faces: 11, quality: 1 }, isOnePerson: false },
  { says: '0.25 alike is two people, however well seen', faces: 20, cosine: 0.25, other: { faces: 20, quality: 1 }, isOnePerson: false },
  // Quality 0.45: 0.1 off after the penalty 0.4 × (0.6 − 0.45) / 0.6; 0.55 needed against under 10 faces, 0.35 otherwise.
  { says: 'a poorly seen track 0.45 alike (0.35) stays apart from a person of 7 faces (joined until issue 12)', faces: 7, cosine: 0.45, other: { faces: 3, quality: 0.45 }, isOnePerson: false },
  { says: 'a poorly seen track 0.60 alike (0.50) stays apart from a person of 7 faces (joined until issue 12)', faces: 7, cosine: 0.6, other: { faces: 5, quality: 0.45 }, isOnePerson: false },
  { says: 'a poorly seen track 0.70 alike (0.60) still joins a person of 7 faces', faces: 7, cosine: 0.7, other: { faces: 5, quality: 0.45 }, isOnePerson: true },
  { says: 'a poorly seen track 0.40 alike (0.30) stays apart from a person of 40 faces (joined until issue 12)', faces: 40, cosine: 0.4, other: { faces: 4, quality: 0.45 }, isOnePerson: false },
  { says: 'a poorly seen track 0.50 alike (0.40) joins a well-supported person of 40 faces', faces: 40, cosine: 0.5, other: { faces: 4, quality: 0.45 }, isOnePerson: true },
];

for (const pin of PINS) {
  test(`defaults: ${pin.says}`, () => {
    const tracks = [track(at(1), span(0, pin.faces)), track(at(pin.cosine), span(100, pin.other.faces), pin.other.quality)];
    assert.deepEqual(clusterTracks(tracks, DEFAULTS), pin.isOnePerson ? [0, 0] : [0, 1]);
  });
}

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
