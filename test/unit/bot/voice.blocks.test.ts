import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VoiceView } from '../../../shared/src/analysis.js';
import { buildVoiceMessage } from '../../../bot/src/blocks/voice.blocks.js';

const voice = (suggestion: VoiceView['suggestion']): VoiceView => ({
  id: 'v2', seconds: 4, person: null, suggestion, pitchHz: 262, firstAt: 12, sample: 'voices/v2.m4a',
  tag: null, taggedBy: null, taggedOnBehalfOf: null, taggedAt: null, counts: null, countsFrom: null,
});
const textOf = (v: VoiceView) => JSON.stringify(buildVoiceMessage('job-1', v).blocks);

test('a voice in Slack shows its suggestion as every surface words it: a gender, or "not speech" for a music-like sound, each a weak cue', () => {
  assert.match(textOf(voice({ gender: 'female', confidence: 0.66 })), /Suggested: woman 66% \(a weak cue\)/);
  const music = textOf(voice({ gender: 'not-speech', confidence: 0.8 }));
  assert.match(music, /Suggested: not speech \(music-like\) 80% \(a weak cue\)/);
  assert.match(music, /held notes \(music, singing\)/, 'the caveat says what the cue is');
  assert.match(textOf(voice(null)), /No suggestion/);
});
