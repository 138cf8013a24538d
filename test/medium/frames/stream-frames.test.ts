// Real ffmpeg: samples carry the true time of the decoded frame, cuts come from the same pass,
// memory stays bounded, and cancelling stops ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';
import type { Frame } from '../../../engine/src/stages/frames/frame.js';
import { irregularTimes, makeCounterVideo, makeTempDir, makeVideo, runFfmpeg, readFrameNumber, truncateToHalf } from '../../fixtures/media.js';

/** ffmpeg as the adapter finds it (no configured binaries). */
const system = new Ffmpeg();

let dir = '';
let remove = async () => {};
before(async () => ({ dir, remove } = await makeTempDir()));
after(() => remove());

/** The first frame time in each 1/fps bin: what sampling at `fps` must pick. */
function expectedSamples(frameTimes: number[], fps: number): number[] {
  const picked: number[] = [];
  let lastBin = -1;
  for (const t of frameTimes) {
    const bin = Math.floor(t * fps + 1e-9);
    if (bin > lastBin) picked.push(t);
    lastBin = bin;
  }
  return picked;
}

async function collect(path: string, fps: number, onFrame: (frame: Frame) => void): Promise<void> {
  for await (const frame of system.streamFrames(path, { fps })) onFrame(frame);
}

test('every sample is stamped with the time of the frame actually decoded (constant frame rate)', async () => {
  const path = await makeCounterVideo(join(dir, 'counter.mp4'), { seconds: 6, fps: 25 });
  const frameTimes = Array.from({ length: 150 }, (_, n) => n / 25);
  for (const fps of [0.5, 1, 2, 3, 5]) {
    const stamps: number[] = [];
    await collect(path, fps, (frame) => {
      const n = readFrameNumber(frame);
      assert.ok(Math.abs(frame.t - n / 25) < 1e-6, `at ${fps}/s the sample stamped ${frame.t} s shows frame ${n} (${n / 25} s)`);
      stamps.push(frame.t);
    });
    assert.deepEqual(stamps.map((t) => Math.round(t * 1000)), expectedSamples(frameTimes, fps).map((t) => Math.round(t * 1000)), `samples at ${fps}/s`);
  }
});

test('every sample is stamped with the time of the frame actually decoded (irregular frame times)', async () => {
  const path = await makeCounterVideo(join(dir, 'irregular.mp4'), { seconds: 4, isIrregular: true });
  const truth = irregularTimes(4);
  const seen: number[] = [];
  await collect(path, 2, (frame) => {
    const n = readFrameNumber(frame);
    assert.ok(Math.abs(frame.t - truth[n]!) < 1e-6, `sample stamped ${frame.t} s shows frame ${n}, shown at ${truth[n]} s`);
    seen.push(frame.t);
  });
  assert.deepEqual(seen, expectedSamples(truth, 2).slice(0, seen.length));
  assert.ok(seen.length >= 7, `${seen.length} samples`);
});

test('hard cuts are found to the frame; a fade, a slow zoom and noise make none', async () => {
  const path = await makeVideo(join(dir, 'cuts.mp4'), {
    width: 320, height: 180, fps: 25,
    segments: [
      { source: 'testsrc2', seconds: 2 },
      { source: 'smptebars', seconds: 2 },
      { source: 'color=c=0x3050a0', seconds: 2, filters: 'noise=alls=25:allf=t' },
      { source: 'testsrc', seconds: 2, filters: 'fade=out:st=1:d=1' },
      { source: 'smptehdbars', seconds: 2, filters: 'fade=in:st=0:d=1' },
      { source: 'zoom=testsrc', seconds: 3 },
      { source: 'rgbtestsrc', seconds: 2, filters: 'noise=alls=15:allf=t' },
    ],
  });
  const stream = system.streamFrames(path, { fps: 2 });
  let samples = 0;
  for await (const _frame of stream) samples += 1;
  const summary = await stream.summary();
  assert.deepEqual(summary.cuts, [2, 4, 6, 10, 13]);
  assert.equal(summary.samples, samples);
  assert.equal(summary.samples, 30);
  assert.equal(summary.decodedFrames, 375);
  assert.equal(summary.lastFrameTime, 14.96);
});

test('maxSide scales big pictures down and says how to get back to source pixels; pixels are made square; rotation is applied', async () => {
  const wide = await makeCounterVideo(join(dir, 'wide.mp4'), { seconds: 1, width: 640, height: 192 });
  const stream = system.streamFrames(wide, { fps: 2, maxSide: 320 });
  const geometry = await stream.geometry();
  assert.deepEqual(geometry, { width: 320, height: 96, toSource: 2, sourceWidth: 640, sourceHeight: 192 });
  for await (const frame of stream) {
    assert.deepEqual([frame.width, frame.height, frame.data.length], [320, 96, 320 * 96 * 3]);
    assert.equal(readFrameNumber(frame), Math.round(frame.t * 25));
  }
  const anamorphic = join(dir, 'anamorphic.mp4');
  await runFfmpeg(['-i', wide, '-vf', 'scale=320:192,setsar=2', '-c:v', 'libx264', '-preset', 'ultrafast', anamorphic]);
  for await (const frame of system.streamFrames(anamorphic, { fps: 2 })) {
    assert.deepEqual([frame.width, frame.height], [640, 192], 'non-square pixels are stretched to square ones');
    assert.equal(readFrameNumber(frame), Math.round(frame.t * 25));
  }
  const rotated = join(dir, 'rotated.mp4');
  await runFfmpeg(['-i', wide, '-c', 'copy', '-metadata:s:v', 'rotate=90', rotated]);
  for await (const frame of system.streamFrames(rotated, { fps: 2 })) assert.deepEqual([frame.width, frame.height], [192, 640]);
});

test('a slow consumer gets frames from a fixed pool of buffers (constant memory)', async () => {
  const path = await makeVideo(join(dir, 'long.mp4'), { width: 320, height: 240, fps: 25, segments: [{ source: 'testsrc2', seconds: 30 }] });
  const buffers = new Set<ArrayBufferLike>();
  let count = 0;
  for await (const frame of system.streamFrames(path, { fps: 10, queueDepth: 3 })) {
    buffers.add(frame.data.buffer);
    count += 1;
    if (count % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(count, 300);
  assert.ok(buffers.size <= 5, `${buffers.size} distinct buffers for ${count} frames`);
});

test('aborting stops ffmpeg at once with an interrupted error; leaving the loop early stops it too', async () => {
  const path = await makeVideo(join(dir, 'abort.mp4'), { width: 320, height: 240, segments: [{ source: 'testsrc2', seconds: 20 }] });
  const controller = new AbortController();
  let seen = 0;
  const started = Date.now();
  await assert.rejects(
    (async () => {
      for await (const _frame of system.streamFrames(path, { fps: 25, signal: controller.signal })) {
        seen += 1;
        if (seen === 3) controller.abort();
      }
    })(),
    (error: unknown) => error instanceof OnscreenError && error.code === 'interrupted',
  );
  assert.ok(Date.now() - started < 5000);
  assert.ok(seen <= 8, `${seen} frames after abort`);

  const stream = system.streamFrames(path, { fps: 25 });
  for await (const _frame of stream) break;
  await assert.rejects(stream.summary(), (error: unknown) => error instanceof OnscreenError && error.code === 'interrupted');
});

test('a video cut off after its index (a broken download) fails with video_unreadable instead of a silent partial result', async () => {
  const path = await makeVideo(join(dir, 'faststart.mp4'), { segments: [{ source: 'testsrc2', seconds: 6 }], outputArgs: ['-movflags', '+faststart'] });
  await truncateToHalf(path);
  const stream = system.streamFrames(path, { fps: 2 });
  const read = async () => {
    for await (const _frame of stream) {
      // read to the end
    }
  };
  await assert.rejects(read(), (error: unknown) => error instanceof OnscreenError && error.code === 'video_unreadable' && /breaks off after \d/.test(error.message));
});

test('decodeOnly times the decoder alone on the same sampling', async () => {
  const path = await makeVideo(join(dir, 'decode.mp4'), { segments: [{ source: 'testsrc2', seconds: 4 }] });
  const { seconds } = await system.decodeOnly(path, 2);
  assert.ok(seconds > 0 && seconds < 30, `${seconds} s`);
});
