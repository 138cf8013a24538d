import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Track } from '../../../shared/src/analysis.js';
import { MAX_TRACK_WEIGHT, PRIOR_WEIGHT, suggestGender } from '../../../engine/src/stages/people/gender-suggestion.js';

let nextId = 0;
function track(female: number | null, genderWeight: number): Track {
  const id = nextId++;
  return { id, faces: [], start: 0, end: 1, cluster: 0, female, genderWeight, thumbnail: `t/${id}.jpg`, bestFace: 0 };
}
const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

test('no judged track means no suggestion', () => {
  assert.equal(suggestGender([]), null);
  assert.equal(suggestGender([track(null, 3), track(0.9, 0)]), null);
});

test('one track: its log-odds shrunk by the neutral prior', () => {
  // logit(0.9) = 2.197; weight 2 against a prior weight of 0.5 → 2.197 × 2 / 2.5 = 1.758 → 0.853.
  const suggestion = suggestGender([track(0.9, 2)]);
  assert.equal(suggestion?.gender, 'female');
  assert.ok(Math.abs(suggestion!.confidence - sigmoid((logit(0.9) * 2) / (2 + PRIOR_WEIGHT))) < 1e-12);
  assert.ok(suggestion!.confidence < 0.9, 'thin evidence is less sure than the track itself');
});

test('a male lean gives a male suggestion with confidence above one half', () => {
  const suggestion = suggestGender([track(0.1, 3), track(0.3, 1)]);
  assert.equal(suggestion?.gender, 'male');
  assert.ok(suggestion!.confidence > 0.5 && suggestion!.confidence <= 1);
});

test('a long track is capped so other appearances can outvote it', () => {
  // Uncapped: 100 × logit(0.8) outweighs 9 × logit(0.2). Capped at 4: (4 − 9) × 1.386 < 0 → male.
  assert.equal(MAX_TRACK_WEIGHT, 4);
  const suggestion = suggestGender([track(0.8, 100), track(0.2, 3), track(0.2, 3), track(0.2, 3)]);
  assert.equal(suggestion?.gender, 'male');
  const expected = sigmoid(((4 - 9) * logit(0.8)) / (13 + PRIOR_WEIGHT));
  assert.ok(Math.abs(suggestion!.confidence - (1 - expected)) < 1e-12);
});

test('certain probabilities stay finite, and balanced evidence suggests nothing', () => {
  const sure = suggestGender([track(1, 4)]);
  assert.equal(sure?.gender, 'female');
  assert.ok(sure!.confidence < 1 && sure!.confidence > 0.99);
  assert.equal(suggestGender([track(0.7, 2), track(0.3, 2)]), null);
});
