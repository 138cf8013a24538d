// Real ffprobe on generated files: good videos are described right, bad ones get the right error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';
import { makeAudioOnly, makeTempDir, makeTextFile, makeVideo, runFfmpeg, truncateToHalf } from '../../fixtures/media.js';

/** ffmpeg as the adapter finds it (no configured binaries). */
const system = new Ffmpeg();

let dir = '';
let remove = async () => {};
before(async () => ({ dir, remove } = await makeTempDir()));
after(() => remove());

async function codeOf(path: string): Promise<string> {
  try {
    await system.probeVideo(path);
    return 'no error';
  } catch (error) {
    assert.ok(error instanceof OnscreenError, `expected an OnscreenError, got ${String(error)}`);
    assert.ok(error.message.length > 20 && !error.message.includes(dir), `message should be a plain sentence: ${error.message}`);
    return error.code;
  }
}

test('probeVideo describes a generated video', async () => {
  const path = await makeVideo(join(dir, 'plain.mp4'), { width: 320, height: 240, fps: 25, segments: [{ source: 'testsrc2', seconds: 2 }] });
  const info = await system.probeVideo(path);
  assert.deepEqual({ ...info, duration: Math.round(info.duration! * 100) / 100 }, {
    duration: 2, width: 320, height: 240, rotation: 0, frameRate: 25, codec: 'h264', hasVideo: true, created: null,
  });
  // A camera or an editor writes the day the file was made: collections date the video by it.
  const dated = await makeVideo(join(dir, 'dated.mp4'), { segments: [{ source: 'testsrc2', seconds: 1 }], outputArgs: ['-metadata', 'creation_time=2026-03-14T10:00:00Z'] });
  assert.equal((await system.probeVideo(dated)).created, '2026-03-14');
});

test('probeVideo reports a rotated phone video upright, with its sides swapped', async () => {
  const plain = await makeVideo(join(dir, 'to-rotate.mp4'), { width: 320, height: 240 });
  const rotated = join(dir, 'rotated.mp4');
  await runFfmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v', 'rotate=90', rotated]);
  const info = await system.probeVideo(rotated);
  assert.ok(info.rotation === 90 || info.rotation === 270, `rotation ${info.rotation}`);
  assert.deepEqual([info.width, info.height], [240, 320]);
});

test('bad files get the right error code and a clear message', async () => {
  assert.equal(await codeOf(await makeTextFile(join(dir, 'notes.mp4'))), 'video_unreadable');
  const whole = await makeVideo(join(dir, 'whole.mp4'), { segments: [{ source: 'testsrc2', seconds: 3 }] });
  assert.equal(await codeOf(await truncateToHalf(whole)), 'video_unreadable');
  assert.equal(await codeOf(await makeAudioOnly(join(dir, 'sound.m4a'))), 'video_no_stream');
  await writeFile(join(dir, 'empty.mp4'), '');
  assert.equal(await codeOf(join(dir, 'empty.mp4')), 'video_empty');
  assert.equal(await codeOf(join(dir, 'missing.mp4')), 'source_not_found');
  await mkdir(join(dir, 'folder.mp4'));
  assert.equal(await codeOf(join(dir, 'folder.mp4')), 'source_not_found');
});

test('an absurdly wide video is refused as video_resolution', async () => {
  const path = join(dir, 'wide.mkv');
  await runFfmpeg(['-f', 'lavfi', '-i', 'color=c=gray:size=9000x16:rate=1:duration=1', '-c:v', 'ffv1', path]);
  assert.equal(await codeOf(path), 'video_resolution');
});

test('a missing ffmpeg is reported as ffmpeg_missing with what to do', async () => {
  const path = await makeVideo(join(dir, 'any.mp4'));
  const missing = new Ffmpeg({ ffmpeg: join(dir, 'no-such-ffmpeg'), ffprobe: join(dir, 'no-such-ffprobe') });
  await assert.rejects(missing.probeVideo(path), (error: unknown) => error instanceof OnscreenError && error.code === 'ffmpeg_missing');
  // The settings belong to that instance only: the system's ffmpeg still works beside it.
  assert.equal((await system.probeVideo(path)).width, 320);
});
