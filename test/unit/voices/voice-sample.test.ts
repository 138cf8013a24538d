import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseSample } from '../../../engine/src/stages/voices/voice-sample.js';
import type { VoiceSummary } from '../../../engine/src/stages/voices/voice-features.js';

const summary = (voicedShare: number): VoiceSummary => ({ voicedFrames: 100, voicedShare, pitchHz: 120, pitchSpreadSemitones: 2, mfccMean: [], mfccStd: [], centroidHz: 500, tiltDbPerOctave: -7, meanLoudness: 0.1, steadyShare: 0 });

test('the sample is a few seconds from the middle of the clearest long piece, never past its edges', () => {
  const pieces = [
    { start: 0, end: 2.5, summary: summary(0.9) }, // clear but short
    { start: 10, end: 20, summary: summary(0.3) },
    { start: 30, end: 34, summary: summary(0.6) },
  ];
  assert.deepEqual(chooseSample(pieces), [{ start: 30, end: 34 }]);
  assert.deepEqual(chooseSample([pieces[1]!]), [{ start: 12, end: 18 }]);
  assert.deepEqual(chooseSample([]), []);
});

test('a voice heard only in short pieces: the clearest of them, one after the other, until the sample is long enough', () => {
  const short = [
    { start: 5, end: 6, summary: summary(0.2) },
    { start: 0, end: 2.5, summary: summary(0.9) },
    { start: 8, end: 9, summary: summary(0.5) },
    { start: 12, end: 12.4, summary: summary(0.1) },
  ];
  assert.deepEqual(chooseSample(short), [{ start: 0, end: 2.5 }, { start: 8, end: 9 }]);
  assert.deepEqual(chooseSample([short[0]!]), [{ start: 5, end: 6 }]);
});
