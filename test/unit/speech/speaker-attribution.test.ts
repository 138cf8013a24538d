import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATTRIBUTION_SETTINGS, attributeSpeakers, type Attribution, loudnessAt, pearson, type LoudnessEnvelope, type MouthSample } from '../../../engine/src/stages/speech/speaker-attribution.js';

// Synthetic sound: 32 ms windows over 10 s whose loudness rises and falls like syllables and words
// (two rates mixed, so that it is not periodic at the 10-per-second sampling), never quite silent.
const WINDOW = 0.032;
const voice = (t: number) => Math.max(0, Math.sin(2 * Math.PI * 3.1 * t)) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t));
const loudness: LoudnessEnvelope = { values: Float32Array.from({ length: Math.ceil(10 / WINDOW) }, (_, i) => 0.2 * (0.1 + voice(i * WINDOW))), windowSeconds: WINDOW };
const TIMES = Array.from({ length: 40 }, (_, i) => 0.5 + i * 0.1);

/** A small deterministic noise (no Math.random: the tests must not change from run to run). */
const noise = (i: number, seed: number) => ((Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453) % 1) * 0.004;

function mouth(track: number, opening: (t: number, i: number) => number, piece = 0): MouthSample[] {
  return TIMES.map((t, i) => ({ piece, track, t, opening: opening(t, i) }));
}
/** Lips open a quarter of a second before the sound they make (see `lag`). */
const speaker = (track: number) => mouth(track, (t, i) => 0.02 + 0.08 * voice(t + ATTRIBUTION_SETTINGS.lag) + noise(i, track));
/** Moving lips of their own rhythm, not the voice's. */
const listener = (track: number) => mouth(track, (t, i) => 0.02 + 0.06 * Math.max(0, Math.sin(2 * Math.PI * 2.3 * t + 1.3)) * (0.5 + 0.5 * Math.cos(2 * Math.PI * 0.45 * t)) + noise(i, track));
/** A face in a photo: the landmarks jitter a little; the mouth does not move. */
const photo = (track: number) => mouth(track, (_t, i) => 0.03 + noise(i, track) * 0.5);
const PIECE: [number, number][] = [[0.5, 4.5]];
const verdict = ({ track, confidence }: Attribution) => ({ track, confidence });

test('a talking head whose mouth follows the voice is the speaker', () => {
  const [found] = attributeSpeakers(PIECE, speaker(3), loudness);
  assert.equal(found!.track, 3);
  assert.ok(found!.confidence! > 0.8, `confidence ${found!.confidence}`);
});

test('a face in a still photo does not speak, however its landmarks jitter', () => {
  assert.deepEqual(attributeSpeakers(PIECE, photo(5), loudness).map(verdict), [{ track: null, confidence: null }]);
});

test('a listener whose lips move out of step with the voice does not speak', () => {
  assert.deepEqual(attributeSpeakers(PIECE, listener(7), loudness).map(verdict), [{ track: null, confidence: null }]);
});

test('of two faces, the one in step with the voice speaks; two listeners leave the speaker off screen', () => {
  assert.equal(attributeSpeakers(PIECE, [...listener(1), ...speaker(2)], loudness)[0]!.track, 2);
  assert.equal(attributeSpeakers(PIECE, [...speaker(1), ...photo(2)], loudness)[0]!.track, 1);
  assert.deepEqual(attributeSpeakers(PIECE, [...listener(1), ...listener(2)], loudness).map(verdict), [{ track: null, confidence: null }]);
});

test('each judgement keeps its evidence: the moving mouths judged, best first, without the still ones', () => {
  const [found] = attributeSpeakers(PIECE, [...listener(1), ...speaker(2), ...photo(3)], loudness);
  assert.deepEqual(found!.candidates.map((c) => c.track), [2, 1]);
  assert.ok(found!.candidates[0]!.correlation > 0.8 && found!.candidates[1]!.correlation < 0.5, JSON.stringify(found!.candidates));
});

test('two faces following the voice equally well are not told apart: nobody is named', () => {
  assert.deepEqual(attributeSpeakers(PIECE, [...speaker(1), ...speaker(2)], loudness).map(verdict), [{ track: null, confidence: null }]);
});

test('each piece is judged on its own samples; a piece with too few is off screen', () => {
  const pieces: [number, number][] = [[0.5, 4.5], [5, 5.3]];
  const few: MouthSample[] = [5, 5.1, 5.2].map((t) => ({ piece: 1, track: 2, t, opening: 0.02 + 0.08 * voice(t + 0.25) }));
  const found = attributeSpeakers(pieces, [...speaker(2), ...few], loudness);
  assert.deepEqual(found.map((f) => f.track), [2, null]);
});

test('loudness is averaged around a moment; correlation is 0 where a side does not vary', () => {
  const flat: LoudnessEnvelope = { values: Float32Array.of(0, 1, 1, 0), windowSeconds: 1 };
  assert.equal(loudnessAt(flat, 1.5, 1), 1);
  assert.equal(loudnessAt(flat, 1, 2), 0.5);
  assert.equal(loudnessAt(flat, 100, 1), 0);
  assert.equal(pearson([1, 2, 3], [5, 5, 5]), 0);
  assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
});

test('pieces judged together pool their samples and share the judgement', () => {
  const pieces: [number, number][] = [[0.5, 4.5], [5, 9]];
  const found = attributeSpeakers(pieces, speaker(4), loudness, ATTRIBUTION_SETTINGS, [0, 0]);
  assert.deepEqual(found.map((f) => f.track), [4, 4]);
  assert.deepEqual(attributeSpeakers(pieces, speaker(4), loudness).map((f) => f.track), [4, null]);
});

test('with a floor, loudness is compared on a log scale: a loud syllable does not outweigh the rest', () => {
  const steps: LoudnessEnvelope = { values: Float32Array.of(0, 0.01, 0.1, 1), windowSeconds: 1 };
  const logs = [0.5, 1.5, 2.5, 3.5].map((t) => loudnessAt(steps, t, 1, 1e-4));
  assert.ok(Math.abs(logs[3]! - logs[2]! - (logs[2]! - logs[1]!)) < 0.01, 'each tenfold step weighs the same');
  assert.ok(Number.isFinite(logs[0]!), 'silence is floored, not minus infinity');
});

test('in a two-shot, faces watched for under two seconds are not told apart, however well one follows the voice', () => {
  const short = (samples: MouthSample[]) => samples.slice(0, 18);
  const found = attributeSpeakers(PIECE, [...short(listener(1)), ...short(speaker(2))], loudness);
  assert.equal(found[0]!.track, null, JSON.stringify(found[0]!.candidates));
  assert.ok(found[0]!.candidates[0]!.track === 2 && found[0]!.candidates[0]!.correlation - found[0]!.candidates[1]!.correlation >= 0.1, 'the speaker leads clearly');
  assert.equal(attributeSpeakers(PIECE, short(speaker(2)), loudness)[0]!.track, 2, 'a lone moving face is judged on fewer');
});
