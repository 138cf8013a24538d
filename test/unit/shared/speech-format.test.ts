import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SpeechSpan } from '../../../shared/src/api/types.js';
import { describeRun, describeSpeaker, describeSpeakingTime, describeVoiceSuggestion, NO_SPEECH_FOUND, speakerOption, speakerRuns } from '../../../shared/src/format/speech.js';
import { describeSpeaking } from '../../../shared/src/format/speaking.js';

const span = (start: number, end: number, person: number | null, voice: string | null): SpeechSpan => ({ start, end, person, voice });

test('a run of one speaker reads the same on every surface: span, speaker, speech and voices', () => {
  const runs = speakerRuns([span(6, 8, null, 'v2'), span(0.5, 2.5, 0, 'v0'), span(3, 5, 0, 'v2'), span(8.5, 9, null, null)]);
  assert.deepEqual(runs.map(describeRun), ['0:00–0:05 · Person 0 · 4 s, voice v0, v2', '0:06–0:09 · off screen · 2.5 s, voice v2']);
  assert.equal(describeRun({ start: 63, end: 3723, person: 12, voices: [], seconds: 3600 }), '1:03–1:02:03 · Person 12 · 1 h');
});

test('the speaker, and the speaker to choose in a menu, with the name a person gave', () => {
  assert.equal(describeSpeaker(null), 'off screen');
  assert.equal(describeSpeaker(4), 'Person 4');
  assert.equal(speakerOption({ id: 4, name: null }), 'Person 4');
  assert.equal(speakerOption({ id: 4, name: 'Ada' }), 'Person 4 (Ada)');
});

test('speaking time per person, and nobody credited with silence', () => {
  assert.equal(describeSpeakingTime(4), '4 s speaking');
  assert.equal(describeSpeakingTime(75), '1 min 15 s speaking');
  assert.equal(describeSpeakingTime(0), 'not seen speaking');
});

test('a voice\'s suggestion keeps its confidence and is flagged as a weak cue; none is said plainly', () => {
  assert.equal(describeVoiceSuggestion({ gender: 'female', confidence: 0.62 }), 'Suggested: woman 62% (a weak cue from pitch and spectrum)');
  assert.equal(describeVoiceSuggestion({ gender: 'male', confidence: 0.8 }), 'Suggested: man 80% (a weak cue from pitch and spectrum)');
  assert.equal(describeVoiceSuggestion(null), 'No suggestion (too little speech)');
});

test('"no speech found" is the same sentence in the lists as in the report', () => {
  const empty = { female: { seconds: 0, share: 0 }, male: { seconds: 0, share: 0 }, unknown: { seconds: 0, share: 0 }, untagged: { seconds: 0, share: 0 } };
  const noSpeech = { ...empty, sound: 'no-speech', total: 0, femaleShareOfGendered: null } as unknown as Parameters<typeof describeSpeaking>[0];
  assert.equal(describeSpeaking(noSpeech), NO_SPEECH_FOUND);
});

test('a voice suggested as not speech (held notes) says so, with its confidence and the same flag', () => {
  assert.equal(describeVoiceSuggestion({ gender: 'not-speech', confidence: 0.8 }), 'Suggested: not speech (music-like) 80% (a weak cue from pitch and spectrum)');
});
