/**
 * The in-process runner's analyses run in a child process (the API stays responsive): real
 * pipeline, real ffmpeg. Bad input comes back as the engine's own error; stopping a job stops
 * its process.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { createAnalysisChildProcessor } from '../../../engine/src/roots/child-roots.js';
import { makeTempDir, makeTextFile, makeVideo } from '../../fixtures/media.js';
import { startTestService } from './helpers/test-service.js';

test('a file that is not a video fails at once with the engine\'s error, through the API', { timeout: 120_000 }, async () => {
  const temp = await makeTempDir();
  const s = await startTestService();
  try {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(await makeTextFile(join(temp.dir, 'notes.mp4')));
    const job = await s.client.watchJob((await s.client.uploadJob(text, 'notes.mp4')).id, () => undefined);
    assert.equal(job.status, 'failed');
    assert.equal(job.error?.code, 'video_unreadable');
    assert.ok((job.error?.message.length ?? 0) > 20, job.error?.message);
    assert.doesNotMatch(job.error!.message, new RegExp(s.dataDir), 'no server path in the message');
  } finally {
    await s.close();
    await temp.remove();
  }
});

test('the child reports progress and returns the analysis with its thumbnails; aborting stops it', { timeout: 120_000 }, async () => {
  const temp = await makeTempDir();
  try {
    const video = await makeVideo(join(temp.dir, 'clip.mp4'), { segments: [{ source: 'testsrc2', seconds: 3 }] });
    const processor = createAnalysisChildProcessor({ workRoot: join(temp.dir, 'work'), allowPrivateNetwork: false });
    const stages = new Set<string>();
    const result = await processor({ jobId: '0123456789abcdef0123', source: video, isTrustedSource: true, options: { fps: 2 } }, {
      signal: new AbortController().signal,
      onProgress: (p) => stages.add(p.stage),
    });
    assert.ok(Math.abs(result.analysis.video.duration - 3) < 0.2);
    assert.equal(result.analysis.sampling.times.length, 6);
    assert.ok(result.thumbnails instanceof Map);
    assert.ok(stages.has('faces'), [...stages].join(','));

    const long = await makeVideo(join(temp.dir, 'long.mp4'), { segments: [{ source: 'testsrc2', seconds: 30 }] });
    const controller = new AbortController();
    const started = Date.now();
    const running = processor({ jobId: '0123456789abcdef0124', source: long, isTrustedSource: true, options: { fps: 10 } }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'faces') controller.abort();
      },
    });
    await assert.rejects(running, (error: unknown) => error instanceof OnscreenError && error.code === 'interrupted');
    assert.ok(Date.now() - started < 20_000, 'stopped well before the analysis could have finished');
  } finally {
    await temp.remove();
  }
});
