import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestVoice, suggestVoiceGender, VOICE_SUGGESTION_SETTINGS } from '../../../engine/src/stages/voices/voice-suggestion.js';
import type { VoiceSummary } from '../../../engine/src/stages/voices/voice-features.js';

const voice = (pitchHz: number | null, more: Partial<VoiceSummary> = {}): VoiceSummary => ({
  voicedFrames: 1000, voicedShare: 0.5, pitchHz, pitchSpreadSemitones: 3, mfccMean: [], mfccStd: [], centroidHz: 500, tiltDbPerOctave: -7, meanLoudness: 0.1, steadyShare: 0, ...more,
});

test('low voices lean male, high voices female, never surer than the cap', () => {
  assert.deepEqual(suggestVoiceGender(voice(94))?.gender, 'male');
  assert.deepEqual(suggestVoiceGender(voice(230))?.gender, 'female');
  for (const hz of [60, 94, 300, 400]) assert.ok(suggestVoiceGender(voice(hz))!.confidence <= VOICE_SUGGESTION_SETTINGS.maxConfidence, `${hz} Hz`);
});

test('pitch is a weak cue: a 151 Hz woman and a 145 Hz man get only modest confidence, and the middle none', () => {
  // Measured on our clips: one woman's median was 151 Hz; men's ranged 94–145 Hz.
  assert.ok(suggestVoiceGender(voice(151))!.confidence < 0.65);
  assert.ok(suggestVoiceGender(voice(145))!.confidence < 0.7);
  assert.equal(suggestVoiceGender(voice(165)), null);
  assert.equal(suggestVoiceGender(voice(null)), null);
});

test('less speech or a wandering pitch means less confidence', () => {
  const full = suggestVoiceGender(voice(110))!.confidence;
  assert.ok(suggestVoiceGender(voice(110, { voicedFrames: 100 }))!.confidence < full);
  assert.ok((suggestVoiceGender(voice(110, { pitchSpreadSemitones: 16 }))?.confidence ?? 0.5) < full);
  assert.equal(suggestVoiceGender(voice(110, { voicedFrames: 5 })), null);
});

test('"not speech" is suggested for a sound mostly in held notes, modestly; speech-like glides keep their gender suggestion', () => {
  const music = suggestVoice(voice(262, { steadyShare: 1 }));
  assert.deepEqual(music, { gender: 'not-speech', confidence: 0.8 });
  assert.equal(suggestVoice(voice(262, { steadyShare: 0.6 }))?.gender, 'not-speech');
  assert.ok(suggestVoice(voice(262, { steadyShare: 0.6 }))!.confidence < 0.65, 'just past the line: little confidence');
  // heard/dev's speakers: 0-10% of their voiced frames in held notes.
  assert.equal(suggestVoice(voice(110, { steadyShare: 0.1 }))?.gender, 'male');
  // Too little sound to judge either way: the gender rule alone (which also shrinks with little sound).
  assert.notEqual(suggestVoice(voice(262, { steadyShare: 1, voicedFrames: 50 }))?.gender, 'not-speech');
});
