// Real: ffmpeg decoding chosen seconds of a counter video made here (each frame shows its number).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';
import { makeCounterVideo, makeTempDir, readFrameNumber } from '../../fixtures/media.js';

const ffmpeg = new Ffmpeg();
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let video: string;

before(async () => {
  temp = await makeTempDir('onscreen-spans-');
  video = await makeCounterVideo(join(temp.dir, 'counter.mp4'), { seconds: 4, fps: 25, width: 320, height: 96 });
});
after(() => temp.remove());

test('only the spans are decoded, 10 pictures a second, each stamped within a frame or two of its own time', async () => {
  const got: { span: number; t: number; shown: number; index: number }[] = [];
  const spans = [{ start: 0.5, end: 1.0, region: [0, 0, 320, 96] as [number, number, number, number] }, { start: 2.2, end: 2.6, region: [0, 0, 320, 96] as [number, number, number, number] }];
  for await (const frame of ffmpeg.streamSpanFrames(video, spans, { fps: 10, maxSide: 640 })) {
    assert.deepEqual([frame.width, frame.height, frame.scale, frame.region], [320, 96, 1, [0, 0, 320, 96]]);
    got.push({ span: frame.span, t: frame.t, shown: readFrameNumber(frame) / 25, index: frame.index });
  }
  assert.deepEqual(got.map((g) => g.span), [0, 0, 0, 0, 0, 1, 1, 1, 1]);
  assert.deepEqual(got.map((g) => g.index), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  for (const g of got) assert.ok(Math.abs(g.shown - g.t) <= 0.085, `picture at ${g.t} s shows frame of ${g.shown} s`);
});

test('a region is cropped and scaled down to the largest side asked for, in even pixels', async () => {
  const spans = [{ start: 1, end: 1.2, region: [33, 10, 201, 61] as [number, number, number, number] }];
  for await (const frame of ffmpeg.streamSpanFrames(video, spans, { fps: 10, maxSide: 100 })) {
    assert.deepEqual(frame.region, [32, 10, 200, 60]);
    assert.deepEqual([frame.width, frame.height], [100, 30]);
    assert.equal(frame.scale, 0.5);
    assert.equal(frame.data.length, 100 * 30 * 3);
  }
});

test('a span can ask for a smaller picture than maxSide allows (maxScale)', async () => {
  const spans = [{ start: 1, end: 1.2, region: [0, 0, 320, 96] as [number, number, number, number], maxScale: 0.25 }];
  let count = 0;
  for await (const frame of ffmpeg.streamSpanFrames(video, spans, { fps: 10, maxSide: 640 })) {
    assert.deepEqual([frame.width, frame.height, frame.scale], [80, 24, 0.25]);
    assert.equal(frame.data.length, 80 * 24 * 3);
    count++;
  }
  assert.equal(count, 2);
});
