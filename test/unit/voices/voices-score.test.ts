import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreVoices, type HeardTruth } from '../../../scripts/eval/voices-score.js';

const audio = (identity: string, gender: 'F' | 'M', speech: [number, number][]) => ({ identity, gender, on_screen: true, speech });
const truth: HeardTruth = {
  shots: [
    { start_s: 0, end_s: 10, kind: 'talk', audio: audio('ana', 'F', [[0, 10]]) },
    { start_s: 10, end_s: 20, kind: 'talk', audio: audio('bob', 'M', [[10, 20]]) },
    { start_s: 20, end_s: 30, kind: 'voiceover', audio: audio('ana', 'F', [[20, 30]]) },
    { start_s: 30, end_s: 35, kind: 'silent', audio: null },
  ],
};

test('voices are scored by the speaker they overlap most, weighted by seconds', () => {
  const score = scoreVoices(truth, [
    { start: 0, end: 10, voice: 'v0' },
    { start: 10, end: 18, voice: 'v1' },
    { start: 18, end: 20, voice: 'v0' }, // 2 s of Bob in Ana's voice
    { start: 20, end: 30, voice: 'v2' }, // Ana again, as another voice
    { start: 31, end: 32, voice: 'v3' }, // no one speaks here: not scored
  ], new Map([['v0', 'female'], ['v1', 'female'], ['v2', null]]));
  assert.deepEqual(score, { voices: 3, speakers: 2, pureVoices: 2, purity: 28 / 30, splitSpeakers: 1, unvoicedShare: 0, suggestionsRight: 1, suggestions: 2 });
});

test('speech left without a voice counts against the speech found', () => {
  const score = scoreVoices(truth, [{ start: 0, end: 5, voice: 'v0' }, { start: 5, end: 10, voice: null }], new Map());
  assert.equal(score.unvoicedShare, 0.5);
  assert.equal(score.purity, 1);
});
