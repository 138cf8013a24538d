// Real: ffmpeg, the face models and the voice model on onnxruntime, through the analysis use case.
// Data: a video without sound and one with silent sound made with ffmpeg here; a
// voice-over under a photo then a talking head, cut from the speaking-time benchmark (../shared/eval/heard) into a temp
// folder where it exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANALYZE_OPTIONS } from '../../../shared/src/analysis.js';
import { analyzeVideo } from '../../../engine/src/services/analysis/analyze-video.js';
import { createEngine } from '../../../engine/src/services/engine.js';
import { makeTempDir, makeVideo, runFfmpeg } from '../../fixtures/media.js';

const HEARD = join(import.meta.dirname, '../../../../shared/eval/heard/dev/heard.mp4');
const engine = createEngine();
let temp: Awaited<ReturnType<typeof makeTempDir>>;

before(async () => {
  temp = await makeTempDir('onscreen-analyze-speech-');
});
after(async () => {
  await temp.remove();
  await engine.models.release();
});

const analyze = async (source: string) => (await analyzeVideo(engine, { source, options: DEFAULT_ANALYZE_OPTIONS, workDir: temp.dir })).analysis;

test('a video without sound, or with silence, says so and keeps its screen-time analysis', async () => {
  const mute = await makeVideo(join(temp.dir, 'mute.mp4'), { segments: [{ source: 'testsrc2', seconds: 2 }] });
  const silent = join(temp.dir, 'silent.mp4');
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=320x240:d=2', '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', silent]);
  for (const [path, status] of [[mute, 'none'], [silent, 'no-speech']] as const) {
    const analysis = await analyze(path);
    assert.deepEqual([analysis.sound, analysis.speech, analysis.voices], [{ status, speechSeconds: 0 }, [], []], path);
    assert.ok(analysis.sampling.times.length >= 3, 'the pictures were still sampled');
    assert.ok(analysis.timings.speech! >= 0);
  }
});

test('the voice over a photo is nobody on screen; the talking head that follows is heard speaking', { skip: existsSync(HEARD) ? false : `evaluation material not found at ${HEARD}` }, async () => {
  // heard.mp4 from 61.5 s to 76 s: Alexandria Ocasio-Cortez's voice over a photo of Leonardo DiCaprio
  // (61.5-66.04 s), then Donald Trump speaking (66.04-76 s). (Barack Obama's talking head at 3-13 s is
  // one the mouths do not follow well enough to name him: see docs/evaluation.md.)
  const clip = join(temp.dir, 'voiceover-then-talk.mp4');
  await runFfmpeg(['-ss', '61.5', '-t', '14.5', '-i', HEARD, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', clip]);
  const analysis = await analyze(clip);
  assert.equal(analysis.sound?.status, 'speech');
  const voiceOver = analysis.speech!.filter((s) => s.end <= 4.6);
  const talk = analysis.speech!.filter((s) => s.start >= 4.5);
  assert.ok(talk.length > 0 && voiceOver.length > 0, JSON.stringify(analysis.speech));
  assert.deepEqual(voiceOver.map((s) => s.person), voiceOver.map(() => null), 'the photo does not speak');
  const speaker = analysis.clusters.find((c) => analysis.faces[c.faces[0]!]!.t > 4.6)!;
  const credited = talk.filter((s) => s.person === speaker.id);
  assert.ok(credited.length > 0, `some of the talking head's speech is credited to them: ${JSON.stringify(talk)}`);
  assert.ok(credited.every((s) => s.confidence! >= 0.25));
  const voices = new Set(credited.map((s) => s.voice));
  assert.equal(voices.size, 1, 'the talking head is heard in one voice');
  assert.equal(analysis.voices!.find((v) => v.id === [...voices][0])?.person, speaker.id, 'and that voice is linked to them');
  assert.ok(talk.every((s) => s.person === null || s.person === speaker.id));
});
