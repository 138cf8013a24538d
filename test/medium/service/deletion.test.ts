/**
 * Deletion means gone (issue 10): after a delete during a run, a retention sweep, a cancelled
 * run and a crashed analysis, the whole data folder (files, the SQLite database and its WAL)
 * holds neither the job id, nor its file name, nor any face crop or download.
 * Real HTTP, SQLite and files. The analyses here write their scratch folder as the real one
 * does and then, like a killed process, leave it behind; the real pipeline has its own test below.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { findTraces, listFiles } from './helpers/traces.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { startTestService, type TestService } from './helpers/test-service.js';

const CLIP = new URL('../../../../shared/eval/video/short_hamilton_clip.mp4', import.meta.url).pathname;
const clip = (seed: number) => new Uint8Array(4096).fill(seed);

/** Writes a download and face crops into `<data>/work/<job>-<n>/` as the real analysis does. */
async function leaveScratch(dataDir: string, jobId: string): Promise<void> {
  const dir = join(dataDir, 'work', `${jobId}-t3st`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'download.mp4'), clip(9));
  await writeFile(join(dir, 'face-crops.rgb'), Buffer.alloc(96 * 96 * 3, 200));
}

/** Starts, leaves its scratch folder, then hangs until aborted, and leaves it behind (a killed child). */
function hangingProcessor(dataDir: () => string): AnalysisProcessor {
  return async (task, { signal, onProgress }) => {
    await leaveScratch(dataDir(), task.jobId);
    onProgress({ stage: 'faces', percent: 40, etaSeconds: 5, message: 'Finding faces' });
    return new Promise((_, reject) => {
      if (signal.aborted) reject(new OnscreenError('interrupted'));
      signal.addEventListener('abort', () => reject(new OnscreenError('interrupted')));
    });
  };
}

async function waitForCrops(dataDir: string): Promise<void> {
  const hasCrops = async () => (await listFiles(join(dataDir, 'work'))).some((p) => p.endsWith('face-crops.rgb'));
  for (let i = 0; i < 1200 && !(await hasCrops()); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(await hasCrops(), 'the analysis was writing face crops');
}

async function assertGone(s: TestService, needles: string[]): Promise<void> {
  assert.deepEqual(await findTraces([s.dataDir], needles), [], 'no trace left in the data folder');
}

test('a job deleted while it runs leaves no scratch folder, crops, upload, row or free-page copy', async () => {
  let dataDir = '';
  const s = await startTestService({}, { processor: hangingProcessor(() => dataDir) });
  dataDir = s.dataDir;
  try {
    const job = await s.client.uploadJob(clip(1), 'newsroom-interview-0417.mp4');
    await waitForCrops(s.dataDir);
    await s.client.deleteJob(job.id);
    await assertGone(s, [job.id, 'newsroom-interview-0417']);
  } finally {
    await s.close();
  }
});

test('retention deletes an expired job, running or done, with its crops, thumbnails, upload and row', async () => {
  let dataDir = '';
  let isHanging = true;
  const hang = hangingProcessor(() => dataDir);
  const processor: AnalysisProcessor = (task, context) => (isHanging ? hang(task, context) : Promise.resolve(makeTinyAnalysis()));
  // 0.00002 days is 1.7 seconds.
  const s = await startTestService({ retentionDays: 0.00002, sweepIntervalSeconds: 3600, concurrency: 2 }, { processor });
  dataDir = s.dataDir;
  try {
    const running = await s.client.uploadJob(clip(2), 'expired-while-running.mp4');
    await waitForCrops(s.dataDir);
    isHanging = false;
    const done = await s.client.watchJob((await s.client.uploadJob(clip(3), 'expired-and-tagged.mp4')).id, () => undefined);
    await s.client.tag(done.id, 0, 'female', 'ana');
    assert.ok(existsSync(join(s.dataDir, 'jobs', done.id, 'thumbnails')), 'thumbnails were there');
    await new Promise((r) => setTimeout(r, 1800));
    assert.deepEqual((await s.service.sweep()).sort(), [running.id, done.id].sort());
    await assertGone(s, [running.id, done.id, 'expired-while-running', 'expired-and-tagged']);
  } finally {
    await s.close();
  }
});

test('a crashed analysis and a run cancelled by a shutdown leave nothing after the next sweep or start', async () => {
  let dataDir = '';
  let mode: 'crash' | 'hang' | 'work' = 'crash';
  const hang = hangingProcessor(() => dataDir);
  const processor: AnalysisProcessor = async (task, context) => {
    if (mode === 'work') return makeTinyAnalysis();
    if (mode === 'hang') return hang(task, context);
    await leaveScratch(dataDir, task.jobId);
    throw new OnscreenError('video_unreadable', 'The file is not a video that can be read.');
  };
  const first = await startTestService({ retentionDays: 0 }, { processor });
  dataDir = first.dataDir;
  const crashed = await first.client.watchJob((await first.client.uploadJob(clip(4), 'crashed.mp4')).id, () => undefined);
  assert.equal(crashed.status, 'failed');
  assert.equal((await listFiles(join(dataDir, 'work'))).length, 2, 'the crash left its scratch folder');
  await first.service.sweep();
  assert.deepEqual(await listFiles(join(dataDir, 'work')), [], 'the sweep removed it');

  mode = 'hang';
  const cancelled = await first.client.uploadJob(clip(5), 'cancelled.mp4');
  await waitForCrops(dataDir);
  await first.stop();
  assert.ok((await listFiles(join(dataDir, 'work'))).length > 0, 'the interrupted run left its scratch folder');
  mode = 'work';
  const second = await startTestService({ retentionDays: 0 }, { processor }, dataDir);
  try {
    assert.deepEqual(await listFiles(join(dataDir, 'work')), [], 'the start swept it');
    await second.client.deleteJob(cancelled.id);
    await second.client.deleteJob(crashed.id);
    await assertGone(second, [cancelled.id, crashed.id, 'cancelled.mp4', 'crashed.mp4']);
  } finally {
    await second.close();
  }
});

test('the real pipeline: a job deleted in its faces stage leaves no face-crops.rgb and no trace', { skip: !existsSync(CLIP) && 'the real clip ../shared/eval/video/short_hamilton_clip.mp4 is absent', timeout: 180_000 }, async () => {
  const s = await startTestService();
  try {
    const job = await s.client.uploadJob(await readFile(CLIP), 'hamilton-delete-me.mp4', { fps: 8 });
    await waitForCrops(s.dataDir);
    await s.client.deleteJob(job.id);
    await assertGone(s, [job.id, 'hamilton-delete-me']);
  } finally {
    await s.close();
  }
});
