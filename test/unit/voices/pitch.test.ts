import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PITCH_SETTINGS, pitchFrameLength, pitchOf } from '../../../engine/src/stages/voices/pitch.js';
import { halve, harmonicVoice, noise, silence, tone } from './synthetic-sound.js';

const frameAt = (sound: Float32Array, second: number) => {
  const at = Math.round(second * PITCH_SETTINGS.sampleRate);
  return sound.subarray(at, at + pitchFrameLength());
};

test('a pure tone is heard at its pitch, within 1%, from 70 to 400 Hz', () => {
  for (const hz of [70, 94, 120, 151, 220, 300, 400]) {
    const pitch = pitchOf(frameAt(tone(hz, 0.5, 8000), 0.1));
    assert.ok(pitch !== null && Math.abs(pitch - hz) / hz < 0.01, `${hz} Hz heard as ${pitch}`);
  }
});

test('a harmonic voice is heard at its fundamental, not an octave off, after halving the rate', () => {
  for (const hz of [100, 140, 210]) {
    const voice = halve(harmonicVoice(hz, 1, { wobble: 0 }));
    for (const second of [0.1, 0.4, 0.7]) {
      const pitch = pitchOf(frameAt(voice, second));
      assert.ok(pitch !== null && Math.abs(pitch - hz) / hz < 0.02, `${hz} Hz voice at ${second} s heard as ${pitch}`);
    }
  }
});

test('silence, very quiet sound and white noise have no pitch', () => {
  assert.equal(pitchOf(frameAt(silence(0.5, 8000), 0.1)), null);
  assert.equal(pitchOf(frameAt(tone(150, 0.5, 8000, 0.003), 0.1)), null);
  const hiss = noise(1, 7, 8000);
  const voiced = [0.1, 0.3, 0.5, 0.7].filter((s) => pitchOf(frameAt(hiss, s)) !== null);
  assert.deepEqual(voiced, []);
});

test('a frame too short for the lowest pitch is refused', () => {
  assert.throws(() => pitchOf(new Float32Array(100)), /needs/);
});
