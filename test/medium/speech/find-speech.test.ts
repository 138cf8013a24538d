// Real: ffmpeg decoding the sound, the Silero voice model on onnxruntime. Data: silence, a tone and a
// video without sound made with ffmpeg here; speech from the speaking-time benchmark (../shared/eval/heard)
// where it exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpeech } from '../../../engine/src/services/analysis/find-speech.js';
import { createEngine } from '../../../engine/src/services/engine.js';
import { overlapSeconds, totalSeconds, type Segment } from '../../../engine/src/stages/speech/speech-segments.js';
import { makeTempDir, makeVideo, runFfmpeg } from '../../fixtures/media.js';

const HEARD = join(import.meta.dirname, '../../../../shared/eval/heard/dev');
let temp: Awaited<ReturnType<typeof makeTempDir>>;
/** The system's ffmpeg and the models in models/weights. */
const engine = createEngine();

before(async () => {
  temp = await makeTempDir('onscreen-speech-');
});
after(async () => {
  await engine.models.release();
  await temp.remove();
});

test('silence, a steady tone and a video without sound have no speech', async () => {
  const silence = join(temp.dir, 'silence.mp4');
  await runFfmpeg(['-f', 'lavfi', '-i', 'color=c=gray:s=160x120:d=3', '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo', '-t', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', silence]);
  const tone = await makeVideo(join(temp.dir, 'tone.mp4'), { segments: [{ source: 'testsrc2', seconds: 3 }], hasAudio: true });
  const mute = await makeVideo(join(temp.dir, 'mute.mp4'), { segments: [{ source: 'testsrc2', seconds: 2 }] });
  for (const [name, path] of [['silence', silence], ['tone', tone]] as const) {
    const found = await findSpeech(engine, path);
    assert.equal(found.hasSound, true, name);
    assert.deepEqual(found.segments, [], name);
    assert.ok(Math.abs(found.probabilities.length * found.windowSeconds - 3) < 0.1, `${name}: a probability per 32 ms window`);
    assert.ok(Math.max(...found.probabilities) < 0.5, `${name}: max probability ${Math.max(...found.probabilities)}`);
  }
  const quiet = await findSpeech(engine, silence);
  assert.ok(Math.max(...quiet.loudness) < 0.001, 'silence is quiet');
  const loud = await findSpeech(engine, tone);
  assert.ok(Math.min(...loud.loudness.slice(5, -5)) > 0.05, 'the tone is loud throughout');
  const none = await findSpeech(engine, mute);
  assert.deepEqual([none.hasSound, none.segments, none.probabilities.length], [false, [], 0]);
});

test('on the speaking-time benchmark, at least 90% of the true speech is found, and 90% of what is found is speech', { skip: existsSync(HEARD) ? false : `evaluation material not found at ${HEARD}` }, async () => {
  const truth = JSON.parse(readFileSync(join(HEARD, 'truth.json'), 'utf8')) as { shots: Array<{ audio: { speech: Segment[] } | null }> };
  const speech = truth.shots.flatMap((s) => s.audio?.speech ?? []).sort((a, b) => a[0] - b[0]);
  const found = await findSpeech(engine, join(HEARD, 'heard.mp4'));
  const shared = overlapSeconds(found.segments, speech);
  const recall = shared / totalSeconds(speech);
  const precision = shared / totalSeconds(found.segments);
  console.log(`speech found: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} (${totalSeconds(found.segments).toFixed(1)} s found, ${totalSeconds(speech).toFixed(1)} s true)`);
  assert.ok(recall >= 0.9, `recall ${recall}`);
  assert.ok(precision >= 0.9, `precision ${precision}`);
});
