import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupVoices, type VoicePiece } from '../../../engine/src/stages/voices/group-voices.js';
import { SegmentFeatureCollector } from '../../../engine/src/stages/voices/segment-features.js';
import { voiceDistance } from '../../../engine/src/stages/voices/voice-distance.js';
import type { VoiceFeatures } from '../../../engine/src/stages/voices/voice-features.js';
import { harmonicVoice } from './synthetic-sound.js';

const OPEN = [700, 1200, 2600];
const CLOSE = [300, 2300, 3000];

function featuresOf(sound: Float32Array): VoiceFeatures {
  const collector = new SegmentFeatureCollector([[0, sound.length / 16000]]);
  collector.push(sound);
  return collector.result()[0]!;
}

// Three speakers: A low and open, B as low but another timbre, C high. Each segment another take.
const A = [1, 2, 3].map((seed) => featuresOf(harmonicVoice(110, 1.5, { seed, formants: OPEN })));
const B = [4, 5].map((seed) => featuresOf(harmonicVoice(112, 1.5, { seed, formants: CLOSE })));
const C = [6].map((seed) => featuresOf(harmonicVoice(230, 1.5, { seed, formants: OPEN })));
const short = featuresOf(harmonicVoice(110, 0.2, { seed: 9, formants: OPEN }));

const piece = (start: number, features: VoiceFeatures, person: number | null = null): VoicePiece => ({ start, end: start + 1.5, person, features });

test('takes of one voice are closer to each other than to another voice', () => {
  const same = voiceDistance(A[0]!, A[1]!);
  assert.ok(same < voiceDistance(A[0]!, B[0]!) && same < voiceDistance(A[0]!, C[0]!), `same ${same}, A–B ${voiceDistance(A[0]!, B[0]!)}, A–C ${voiceDistance(A[0]!, C[0]!)}`);
});

test('by sound alone: one voice per speaker, numbered by first appearance', () => {
  const pieces = [piece(0, B[0]!), piece(2, A[0]!), piece(4, C[0]!), piece(6, A[1]!), piece(8, B[1]!), piece(10, A[2]!)];
  assert.deepEqual(groupVoices(pieces, []), [0, 1, 2, 1, 0, 1]);
});

test('two people seen speaking are two voices even when they sound alike; one person seen is one voice even when not', () => {
  const pieces = [piece(0, A[0]!, 1), piece(2, A[1]!, 2), piece(4, A[2]!), piece(6, C[0]!, 1)];
  const voices = groupVoices(pieces, []);
  assert.notEqual(voices[0], voices[1]);
  assert.equal(voices[0], voices[3]);
  assert.ok(voices[2] === voices[0] || voices[2] === voices[1], 'the off-screen take joins one of them');
});

test('a piece too short to judge joins its person, else a close neighbour in the same shot, else no voice', () => {
  const tiny = (start: number, person: number | null = null): VoicePiece => ({ start, end: start + 0.2, person, features: short });
  // Person 3 is seen only in the short piece: a voice of their own.
  assert.deepEqual(groupVoices([piece(0, A[0]!, 1), tiny(5, 1), tiny(8, 3)], []), [0, 0, 1]);
  // Off screen: the neighbour 0.3 s before in the same shot; across a cut, or 2 s away, none.
  assert.deepEqual(groupVoices([piece(0, A[0]!), tiny(1.8), tiny(4)], []), [0, 0, null]);
  assert.deepEqual(groupVoices([piece(0, A[0]!), tiny(1.8)], [1.6]), [0, null]);
  // A cut right between two pieces that touch (pieces to the millisecond, the cut a frame time): another shot, no neighbour.
  assert.deepEqual(groupVoices([piece(0, A[0]!), tiny(1.5)], [1.5000313]), [0, null]);
});

test('no pieces, no voices', () => {
  assert.deepEqual(groupVoices([], []), []);
});
