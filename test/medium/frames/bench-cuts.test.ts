// Shot cuts and sample times on the broadcast-like benchmark (../shared/eval, read-only): every hard
// cut of truth.json found to the frame, nothing else; each sample within the first frames of its half
// second (frames no other frame refers to are not decoded). Skips when the evaluation material is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';

/** ffmpeg as the adapter finds it (no configured binaries). */
const system = new Ffmpeg();

const benches = ['bench', 'bench2'].map((name) => {
  const dir = fileURLToPath(new URL(`../../../../shared/eval/${name}/dev/`, import.meta.url));
  return { name, video: `${dir}bench.mp4`, truth: `${dir}truth.json` };
});

for (const bench of benches) {
  const isPresent = existsSync(bench.video) && existsSync(bench.truth);
  test(`${bench.name}: cuts match the truth's hard cuts, samples are among the first frames of each half second`, {
    skip: isPresent ? false : `evaluation material not found at ${bench.video}`,
  }, async () => {
    const truth = JSON.parse(readFileSync(bench.truth, 'utf8')) as { fps: number; shots: Array<{ start_frame: number }> };
    const expected = truth.shots.slice(1).map((s) => s.start_frame / truth.fps);
    const stream = system.streamFrames(bench.video, { fps: 2, maxSide: 640 });
    const frameStep = 1 / truth.fps;
    for await (const frame of stream) {
      const intoBin = frame.t - Math.floor(frame.t * 2 + 1e-6) / 2;
      assert.ok(intoBin < 3 * frameStep - 1e-6, `sample at ${frame.t} s is not among the first frames of its half second`);
      assert.ok(Math.abs(frame.t / frameStep - Math.round(frame.t / frameStep)) < 1e-3, `sample at ${frame.t} s is not on a frame`);
    }
    const { cuts } = await stream.summary();
    const matched = cuts.filter((c) => expected.some((e) => Math.abs(e - c) <= frameStep * 1.5));
    const precision = matched.length / Math.max(1, cuts.length);
    const recall = expected.filter((e) => cuts.some((c) => Math.abs(e - c) <= frameStep * 1.5)).length / expected.length;
    const errors = matched.map((c) => Math.min(...expected.map((e) => Math.abs(e - c))));
    const meanError = errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length);
    console.log(`${bench.name}: ${cuts.length} cuts found, ${expected.length} true; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, mean timing error ${(meanError * 1000).toFixed(1)} ms`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.95, `recall ${recall}`);
    assert.ok(meanError < frameStep / 2, `mean timing error ${meanError} s`);
  });
}
