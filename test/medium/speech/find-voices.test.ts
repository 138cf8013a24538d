// Real: ffmpeg decoding the sound and encoding the samples. Data: a video whose sound the test makes
// (two synthetic voices, silence between); the speaking-time benchmark (../shared/eval/heard) where it exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechSegment } from '../../../shared/src/analysis.js';
import { findSpeech } from '../../../engine/src/services/analysis/find-speech.js';
import { findVoices } from '../../../engine/src/services/analysis/find-voices.js';
import { createEngine } from '../../../engine/src/services/engine.js';
import { hearVoices } from '../../../engine/src/services/analysis/hear-voices.js';
import { StageClock } from '../../../engine/src/services/analysis/stage-clock.js';
import { splitAtCuts } from '../../../engine/src/stages/speech/split-at-cuts.js';
import { scoreVoices, type HeardTruth } from '../../../scripts/eval/voices-score.js';
import { makeTempDir, makeVideo, runFfmpeg } from '../../fixtures/media.js';
import { concat, harmonicVoice, silence, sungNotes, tone } from '../../unit/voices/synthetic-sound.js';

const HEARD = join(import.meta.dirname, '../../../../shared/eval/heard/dev');
const engine = createEngine();
let temp: Awaited<ReturnType<typeof makeTempDir>>;

before(async () => {
  temp = await makeTempDir('onscreen-voices-');
});
after(async () => {
  await temp.remove();
  await engine.models.release();
});

const segment = (start: number, end: number, person: number | null = null): SpeechSegment => ({ start, end, voice: null, person, confidence: null });

async function secondsOf(file: string): Promise<number> {
  let samples = 0;
  for await (const window of engine.ffmpeg.streamAudio(file, { sampleRate: 16000, window: 1600 }).windows) samples += window.length;
  return samples / 16000;
}

test('two synthetic voices: two voices, the one seen speaking linked, a modest suggestion and a playable sample each', async () => {
  // Their pitch glides three times a second, as speech does (a slower glide is a held note: "not speech").
  const low = (seed: number) => harmonicVoice(110, 3, { seed, formants: [700, 1200, 2600], glideHz: 3 });
  const sound = concat(low(1), silence(1), harmonicVoice(220, 3, { seed: 2, formants: [300, 2300, 3000], glideHz: 3 }), silence(1), low(3));
  const raw = join(temp.dir, 'sound.f32');
  await writeFile(raw, Buffer.from(sound.buffer));
  const video = join(temp.dir, 'voices.mp4');
  await runFfmpeg(['-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=11', '-f', 'f32le', '-ar', '16000', '-ac', '1', '-i', raw, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-b:a', '128k', '-shortest', video]);

  const found = await findVoices(engine, video, [segment(0.2, 2.8), segment(4.2, 6.8, 5), segment(8.2, 10.8)], { cuts: [], scratchDir: temp.dir });
  assert.deepEqual(found.speech.map((s) => s.voice), ['v0', 'v1', 'v0']);
  assert.deepEqual(found.speech.map((s) => s.person), [null, 5, null]);
  const [v0, v1] = found.voices;
  assert.deepEqual([v0?.person, v1?.person], [null, 5]);
  assert.deepEqual([v0?.seconds, v1?.seconds, v0?.firstAt, v1?.firstAt], [5.2, 2.6, 0.2, 4.2]);
  assert.ok(Math.abs(v0!.pitchHz! - 110) <= 3 && Math.abs(v1!.pitchHz! - 220) <= 6, `pitch ${v0!.pitchHz}, ${v1!.pitchHz}`);
  assert.equal(v0!.suggestion?.gender, 'male');
  assert.equal(v1!.suggestion?.gender, 'female');
  for (const v of found.voices) assert.ok(v.suggestion!.confidence <= 0.8, 'pitch alone never makes a sure guess');
  // One segment across a cut, said to be person 5's: the pieces are judged by their sound (one of
  // them is another voice), and keep the segment's person for the speaking-person step to settle.
  const across = await findVoices(engine, video, [segment(0.2, 2.8, 5), segment(4.2, 10.8, 5)], { cuts: [7.5], scratchDir: temp.dir });
  assert.deepEqual(across.speech.map((s) => [s.start, s.end, s.voice, s.person]), [[0.2, 2.8, 'v0', 5], [4.2, 7.5, 'v1', 5], [7.5, 10.8, 'v0', 5]]);
  assert.deepEqual(across.voices.map((v) => v.person), [5, null]);
  assert.deepEqual([...found.samples.keys()], ['voices/v0.m4a', 'voices/v1.m4a']);
  // v0 is heard in two 2.6 s pieces: both, one after the other; v1 in one. AAC frames and the
  // decoding window round up by up to about 0.15 s.
  const expected = new Map([['voices/v0.m4a', 5.2], ['voices/v1.m4a', 2.6]]);
  for (const [path, bytes] of found.samples) {
    assert.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp', `${path} is an MP4 file`);
    const file = join(temp.dir, path.replace('/', '-'));
    await writeFile(file, bytes);
    const seconds = await secondsOf(file);
    assert.ok(seconds > expected.get(path)! - 0.1 && seconds < expected.get(path)! + 0.2, `${path}: ${seconds} s, expected ${expected.get(path)}`);
  }
});

test('a video without sound, or with a tone only: sound says so, and there is no speech and no voice', async () => {
  const mute = await makeVideo(join(temp.dir, 'mute.mp4'), { segments: [{ source: 'testsrc2', seconds: 2 }] });
  const tone = await makeVideo(join(temp.dir, 'tone.mp4'), { segments: [{ source: 'testsrc2', seconds: 2 }], hasAudio: true });
  const nobody = async (path: string) => ({ path, video: await engine.ffmpeg.probeVideo(path), faces: [], tracks: [], cuts: [], landmarks: () => null });
  const none = await hearVoices(engine, await nobody(mute), { scratchDir: temp.dir, clock: new StageClock() });
  assert.deepEqual(none, { sound: { status: 'none', speechSeconds: 0 }, speech: [], voices: [], voiceSamples: new Map() });
  const clock = new StageClock();
  const music = await hearVoices(engine, await nobody(tone), { scratchDir: temp.dir, clock });
  assert.deepEqual(music.sound, { status: 'no-speech', speechSeconds: 0 });
  assert.deepEqual([music.speech, music.voices], [[], []]);
  assert.ok('speech' in clock.seconds() && 'speech.vad' in clock.seconds(), 'the speech step is timed');
});

test('music the voice model may take for speech: a held tone and a sung melody are suggested as "not speech", modestly', async () => {
  const chord = Float32Array.from({ length: 3 * 16000 }, (_, i) => [220, 277.18, 329.63].reduce((x, hz) => x + 0.12 * Math.sin((2 * Math.PI * hz * i) / 16000), 0));
  const sound = concat(tone(220, 3), silence(1), sungNotes([262, 294, 330, 349, 392, 349, 330, 294], 0.5), silence(1), chord);
  const raw = join(temp.dir, 'music.f32');
  await writeFile(raw, Buffer.from(sound.buffer));
  const video = join(temp.dir, 'music.mp4');
  await runFfmpeg(['-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=11', '-f', 'f32le', '-ar', '16000', '-ac', '1', '-i', raw, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-b:a', '128k', '-shortest', video]);
  const found = await findVoices(engine, video, [segment(0.2, 2.8), segment(4.2, 7.8), segment(9.2, 10.8)], { cuts: [], scratchDir: temp.dir });
  const suggestionOf = (i: number) => found.voices.find((v) => v.id === found.speech[i]!.voice)?.suggestion ?? null;
  for (const i of [0, 1]) {
    assert.equal(suggestionOf(i)?.gender, 'not-speech', `piece ${i}: ${JSON.stringify(found.voices)}`);
    assert.ok(suggestionOf(i)!.confidence <= 0.8, 'a weak cue: never sure');
  }
  // A chord has no single pitch: too little to judge, so no voice and no suggestion (not a woman or a man either).
  assert.equal(found.speech[2]!.voice, null);
});

test('no speech, no voices, and nothing decoded', async () => {
  assert.deepEqual(await findVoices(engine, '/nonexistent.mp4', [], { cuts: [], scratchDir: temp.dir }), { speech: [], voices: [], samples: new Map() });
});

test('on the speaking-time benchmark, every voice is one speaker, with at most two voices per speaker', { skip: existsSync(HEARD) ? false : `evaluation material not found at ${HEARD}` }, async () => {
  const truth = JSON.parse(readFileSync(join(HEARD, 'truth.json'), 'utf8')) as HeardTruth;
  const cuts = truth.shots.slice(1).map((s) => s.start_s);
  const speech = await findSpeech(engine, join(HEARD, 'heard.mp4'));
  const segments = splitAtCuts(speech.segments.map(([start, end]) => ({ start, end })), cuts).map((p) => segment(p.start, p.end));
  const found = await findVoices(engine, join(HEARD, 'heard.mp4'), segments, { cuts, scratchDir: temp.dir });
  const score = scoreVoices(truth, found.speech, new Map(found.voices.map((v) => [v.id, v.suggestion?.gender ?? null])));
  console.log(`heard/dev: ${score.voices} voices for ${score.speakers} speakers, ${score.pureVoices} pure, purity ${score.purity.toFixed(3)}; suggestions ${score.suggestionsRight}/${score.suggestions}`);
  assert.equal(score.purity, 1);
  assert.ok(score.voices >= score.speakers && score.voices <= 2 * score.speakers, `${score.voices} voices`);
  assert.ok(score.suggestionsRight >= score.suggestions - 1, 'at most one wrong suggestion');
  assert.deepEqual(found.voices.filter((v) => v.suggestion?.gender === 'not-speech').map((v) => v.id), [], 'speech is never suggested as not speech');
  assert.ok(score.unvoicedShare < 0.1, `${score.unvoicedShare} of speech without a voice`);
});
