import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SegmentFeatureCollector } from '../../../engine/src/stages/voices/segment-features.js';
import { SteadyPitchRun, summarize } from '../../../engine/src/stages/voices/voice-features.js';
import { concat, harmonicVoice, noise, silence, sungNotes, tone } from './synthetic-sound.js';

// 0–1.5 s a low voice, 1.5–2 s silence, 2–3.5 s a high voice, 3.5–4.5 s noise.
const sound = concat(harmonicVoice(110, 1.5, { seed: 1 }), silence(0.5), harmonicVoice(220, 1.5, { seed: 2, formants: [400, 2000, 2800] }), noise(1, 5));
const segments = [[0.1, 1.4], [1.6, 1.9], [2.1, 3.4], [3.6, 4.4]] as const;

function collect(chunk: number) {
  const collector = new SegmentFeatureCollector(segments);
  for (let at = 0; at < sound.length; at += chunk) collector.push(sound.subarray(at, at + chunk));
  return collector.result().map(summarize);
}

test('each segment is described by its own sound: pitch, voicing, spectrum', () => {
  const [low, quiet, high, hiss] = collect(1600);
  assert.ok(Math.abs(low!.pitchHz! - 110) < 3, `low voice at ${low!.pitchHz} Hz`);
  assert.ok(Math.abs(high!.pitchHz! - 220) < 6, `high voice at ${high!.pitchHz} Hz`);
  assert.ok(low!.voicedShare > 0.8 && high!.voicedShare > 0.8, `voices are voiced: ${low!.voicedShare}, ${high!.voicedShare}`);
  assert.ok(low!.pitchSpreadSemitones! > 0.3 && low!.pitchSpreadSemitones! < 3, `a gliding voice has some spread: ${low!.pitchSpreadSemitones}`);
  assert.equal(quiet!.voicedFrames, 0, 'silence has no voiced frame');
  assert.equal(quiet!.pitchHz, null);
  assert.ok(hiss!.voicedShare < 0.1, `noise is mostly unvoiced: ${hiss!.voicedShare}`);
  // 50 frames a second (one every 20 ms) inside each segment.
  const frames = low!.voicedFrames / low!.voicedShare;
  assert.ok(Math.abs(frames / 1.3 - 50) < 2, `${frames} frames in 1.3 s`);
  assert.ok(low!.mfccMean.some((c, k) => Math.abs(c - high!.mfccMean[k]!) > 1), 'two voices, two spectra');
});

test('the sound may arrive in chunks of any size: the same features', () => {
  assert.deepEqual(collect(333), collect(1600));
  assert.deepEqual(collect(16000), collect(1600));
});

test('held notes are counted: a tone and a sung melody with vibrato are all held notes, a speech-like glide none', () => {
  const heldShare = (x: Float32Array) => {
    const collector = new SegmentFeatureCollector([[0, x.length / 16000]]);
    collector.push(x);
    return summarize(collector.result()[0]!).steadyShare;
  };
  assert.ok(heldShare(tone(220, 2)) > 0.95);
  assert.ok(heldShare(sungNotes([262, 294, 330, 349], 0.5)) > 0.9);
  assert.equal(heldShare(harmonicVoice(110, 2, { glideHz: 3 })), 0);
});

test('a held note ends with its segment: two segments of one tone each count their own frames', () => {
  const collector = new SegmentFeatureCollector([[0, 1], [1, 2]]);
  collector.push(tone(220, 2));
  const [a, b] = collector.result().map((f) => f.steadyFrames);
  assert.ok(a! > 30 && b! > 30 && a! <= collector.result()[0]!.voicedFrames && b! <= collector.result()[1]!.voicedFrames, `${a}, ${b}`);
});

test('SteadyPitchRun: a run shorter than the minimum is not a held note; a jump of more than a semitone ends a note', () => {
  const run = new SteadyPitchRun(3);
  assert.deepEqual([220, 221, null].map((hz) => run.push(hz)), [0, 0, 0]);
  assert.deepEqual([220, 221, 222, 262, 262].map((hz) => run.push(hz)), [0, 0, 0, 3, 0]);
  assert.equal(run.end(), 0, 'two frames at 262 Hz: too short');
});
