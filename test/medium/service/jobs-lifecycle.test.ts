/**
 * Jobs over time, through the real service: transient failures retry with backoff, bad input
 * fails at once with the engine's own error, pending jobs resume after a restart, and retention
 * deletes old jobs with everything derived from them.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { Job } from '../../../shared/src/api/types.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { startTestService } from './helpers/test-service.js';

const clip = (seed: number) => new Uint8Array(2048).fill(seed);

test('a transient failure is retried with backoff and the job completes; the client sees it waiting to retry', async () => {
  let calls = 0;
  const processor: AnalysisProcessor = async () => {
    calls++;
    if (calls < 3) throw new OnscreenError('download_timeout', 'The download took too long.');
    return makeTinyAnalysis();
  };
  const s = await startTestService({ jobAttempts: 3, jobBackoffMs: 100 }, { processor });
  try {
    const created = await s.client.uploadJob(clip(1), 'a.mp4');
    const seen: Job[] = [];
    const final = await s.client.watchJob(created.id, (j) => seen.push(j));
    assert.equal(final.status, 'tagging');
    assert.equal(calls, 3);
    assert.ok(seen.some((j) => j.status === 'queued' && /Will try again: The download took too long/.test(j.progress.message)), 'retry visible');
    assert.equal(final.error, null);
  } finally {
    await s.close();
  }
});

test('bad input fails at once, and the API returns the engine\'s error as is', async () => {
  let calls = 0;
  const processor: AnalysisProcessor = async () => {
    calls++;
    throw new OnscreenError('video_no_stream', 'The file has no video stream (audio only?).', { hint: 'Upload the video file, not its sound.' });
  };
  const s = await startTestService({ jobAttempts: 3, jobBackoffMs: 10 }, { processor });
  try {
    const created = await s.client.uploadJob(clip(2), 'song.mp4');
    const final = await s.client.watchJob(created.id, () => undefined);
    assert.equal(final.status, 'failed');
    assert.deepEqual(final.error, { code: 'video_no_stream', message: 'The file has no video stream (audio only?).', hint: 'Upload the video file, not its sound.' });
    assert.equal(calls, 1, 'no retry');
    assert.deepEqual(readdirSync(join(s.dataDir, 'uploads')), [], 'the upload of a failed job is not kept');
    assert.equal((await s.client.status()).queue.failed, 1);
    const again = await s.client.uploadJob(clip(2), 'song.mp4');
    assert.notEqual(again.id, created.id, 'a failed job is not reused');
  } finally {
    await s.close();
  }
});

test('jobs pending when the server stops resume when it starts again, and complete once', async () => {
  let started = 0;
  const hanging: AnalysisProcessor = (_task, { signal, onProgress }) => {
    started++;
    onProgress({ stage: 'faces', percent: 30, etaSeconds: 10, message: 'working' });
    return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))));
  };
  const first = await startTestService({ concurrency: 1 }, { processor: hanging });
  const running = await first.client.uploadJob(clip(3), 'one.mp4');
  const waiting = await first.client.uploadJob(clip(4), 'two.mp4');
  for (let i = 0; i < 100 && (await first.client.getJob(running.id)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal((await first.client.getJob(running.id)).status, 'running');
  assert.equal((await first.client.getJob(waiting.id)).status, 'queued');
  await first.stop();
  assert.equal(started, 1);

  let completed = 0;
  const working: AnalysisProcessor = async () => {
    completed++;
    return makeTinyAnalysis();
  };
  const second = await startTestService({ concurrency: 1 }, { processor: working }, first.dataDir);
  try {
    for (const id of [running.id, waiting.id]) {
      const final = await second.client.watchJob(id, () => undefined);
      assert.equal(final.status, 'tagging', id);
      assert.equal(final.people, 3);
    }
    assert.equal(completed, 2);
  } finally {
    await second.close();
  }
});

test('retention deletes jobs older than the configured age, with their files, and files left without a job', async () => {
  const processor: AnalysisProcessor = async () => makeTinyAnalysis();
  // 0.00002 days is 1.7 seconds.
  const s = await startTestService({ retentionDays: 0.00002, sweepIntervalSeconds: 3600 }, { processor });
  try {
    const old = await s.client.watchJob((await s.client.uploadJob(clip(5), 'old.mp4')).id, () => undefined);
    await s.client.tag(old.id, 0, 'female', 'ana');
    await new Promise((r) => setTimeout(r, 2000));
    const fresh = await s.client.watchJob((await s.client.uploadJob(clip(6), 'fresh.mp4')).id, () => undefined);
    const stray = join(s.dataDir, 'jobs', 'ffffffffffffffffffff');
    mkdirSync(stray, { recursive: true });
    writeFileSync(join(stray, 'analysis.json'), '{}');
    assert.deepEqual(await s.service.sweep(), [old.id]);
    assert.equal(existsSync(join(s.dataDir, 'jobs', old.id)), false);
    assert.equal(existsSync(stray), false);
    assert.deepEqual((await s.client.listJobs()).jobs.map((j) => j.id), [fresh.id]);
    assert.equal(existsSync(join(s.dataDir, 'jobs', fresh.id, 'analysis.json')), true);
  } finally {
    await s.close();
  }
});
