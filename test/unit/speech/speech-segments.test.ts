import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overlapSeconds, speechSegments, totalSeconds, type SpeechSettings } from '../../../engine/src/stages/speech/speech-segments.js';

// Windows of 0.1 s make the arithmetic readable.
const settings: SpeechSettings = { windowSeconds: 0.1, onAt: 0.5, offBelow: 0.35, bridgeGap: 0.3, minSpeech: 0.25 };
const probabilities = (text: string) => [...text].map((c) => ({ '.': 0.05, '~': 0.4, '#': 0.9 })[c] ?? Number.NaN);

test('speech starts at a likely window and ends only below the lower mark', () => {
  // A dip to 0.4 (above the off mark) does not cut the sentence.
  assert.deepEqual(speechSegments(probabilities('..####~~###...'), settings), [[0.2, 1.1]]);
  // 0.4 alone never starts speech.
  assert.deepEqual(speechSegments(probabilities('..~~~~~~..'), settings), []);
});

test('short gaps are bridged, blips are dropped, speech running to the end is closed', () => {
  assert.deepEqual(speechSegments(probabilities('####..####'), settings), [[0, 1]]); // a 0.2 s gap: one segment
  assert.deepEqual(speechSegments(probabilities('####....####'), settings), [[0, 0.4], [0.8, 1.2]]); // 0.4 s: two
  assert.deepEqual(speechSegments(probabilities('..##......'), settings), []); // 0.2 s of speech: a blip
  assert.deepEqual(speechSegments(probabilities('.....#####'), settings), [[0.5, 1]]);
});

test('overlap of two segment lists counts each shared second once', () => {
  const a: Array<[number, number]> = [[0, 2], [3, 5], [6, 7]];
  const b: Array<[number, number]> = [[1, 4], [4.5, 6.5]];
  assert.equal(overlapSeconds(a, b), 1 + 1 + 0.5 + 0.5);
  assert.equal(overlapSeconds(a, b), overlapSeconds(b, a));
  assert.equal(overlapSeconds(a, a), totalSeconds(a));
  assert.equal(overlapSeconds(a, []), 0);
});

test('padding widens each stretch within the sound, judging gaps and blips as the model found them', () => {
  const padded: SpeechSettings = { ...settings, pad: 0.1 };
  assert.deepEqual(speechSegments(probabilities('..####....####..'), padded), [[0.1, 0.7], [0.9, 1.5]]); // a 0.4 s gap stays
  assert.deepEqual(speechSegments(probabilities('####..####'), padded), [[0, 1]]);
  assert.deepEqual(speechSegments(probabilities('...##.....'), padded), []); // 0.2 s is still a blip
});
