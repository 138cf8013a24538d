import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../../../engine/src/contracts/analysis-result.js';
import { InProcessQueue } from '../../../engine/src/queue/in-process.queue.js';
import type { AnalysisJobData, AnalysisProcessor, QueueListener } from '../../../engine/src/queue/job-queue.js';
import type { JobFailure } from '../../../engine/src/queue/job-errors.js';

const RESULT = { analysis: { clusters: [] }, thumbnails: new Map() } as unknown as AnalysisResult;
const job = (id: string): AnalysisJobData => ({ jobId: id, source: { kind: 'url', url: `https://media.example/${id}.mp4` }, options: { fps: 2 } });

/** Records what the queue reports, and resolves `settled` once `count` jobs have an outcome. */
function recorder(count: number) {
  const events: string[] = [];
  const failures: [string, JobFailure, boolean][] = [];
  let resolve!: () => void;
  const settled = new Promise<void>((r) => (resolve = r));
  let outcomes = 0;
  const done = () => ++outcomes === count && resolve();
  const listener: QueueListener = {
    onStarted: (id) => events.push(`start ${id}`),
    onProgress: (id, p) => events.push(`progress ${id} ${p.percent}`),
    onCompleted: async (id) => {
      events.push(`done ${id}`);
      done();
    },
    onFailed: async (id, failure, willRetry) => {
      events.push(`${willRetry ? 'retry' : 'fail'} ${id}`);
      failures.push([id, failure, willRetry]);
      if (!willRetry) done();
    },
  };
  return { events, failures, settled, listener };
}

function queueWith(processor: AnalysisProcessor, concurrency = 1) {
  return new InProcessQueue({ processor, concurrency, attempts: 3, backoffMs: 20, resolveUploadPath: async (id) => `/uploads/${id}` });
}

test('jobs run one at a time by default, report progress, and complete', async () => {
  let running = 0;
  let mostAtOnce = 0;
  const queue = queueWith(async (_task, { onProgress }) => {
    mostAtOnce = Math.max(mostAtOnce, ++running);
    onProgress({ stage: 'faces', percent: 50, etaSeconds: 1, message: 'half' });
    await new Promise((r) => setTimeout(r, 10));
    running--;
    return RESULT;
  });
  const r = recorder(3);
  await queue.start(r.listener);
  for (const id of ['a', 'b', 'c']) await queue.enqueue(job(id));
  await queue.enqueue(job('a')); // already queued: ignored
  await r.settled;
  assert.equal(mostAtOnce, 1);
  assert.deepEqual(r.events, ['start a', 'progress a 50', 'done a', 'start b', 'progress b 50', 'done b', 'start c', 'progress c 50', 'done c']);
  await queue.close();
});

test('a transient failure is retried with backoff; bad input fails at once', async () => {
  const calls = new Map<string, number>();
  const queue = queueWith(async (task) => {
    const n = (calls.get(task.jobId) ?? 0) + 1;
    calls.set(task.jobId, n);
    if (task.jobId === 'flaky' && n < 3) throw new OnscreenError('download_timeout');
    if (task.jobId === 'bad') throw new OnscreenError('video_unreadable', 'Not a video.');
    if (task.jobId === 'doomed') throw new OnscreenError('download_failed');
    return RESULT;
  });
  const r = recorder(3);
  await queue.start(r.listener);
  for (const id of ['flaky', 'bad', 'doomed']) await queue.enqueue(job(id));
  await r.settled;
  assert.equal(calls.get('flaky'), 3);
  assert.ok(r.events.includes('done flaky'));
  assert.equal(calls.get('bad'), 1, 'no retry for bad input');
  assert.deepEqual(r.failures.filter(([id]) => id === 'bad').map(([, f, retry]) => [f.code, f.message, retry]), [['video_unreadable', 'Not a video.', false]]);
  assert.equal(calls.get('doomed'), 3, 'three attempts, then it fails for good');
  assert.deepEqual(r.failures.filter(([id]) => id === 'doomed').map(([, , retry]) => retry), [true, true, false]);
  assert.equal((await queue.stats()).failed, 2);
  await queue.close();
});

test('uploads are handed to the processor as the stored file, user URLs never as trusted', async () => {
  const seen: [string, boolean][] = [];
  const queue = queueWith(async (task) => {
    seen.push([task.source, task.isTrustedSource]);
    return RESULT;
  });
  const r = recorder(2);
  await queue.start(r.listener);
  await queue.enqueue({ jobId: 'up', source: { kind: 'upload', filename: 'clip.mp4' }, options: { fps: 2 } });
  await queue.enqueue(job('web'));
  await r.settled;
  assert.deepEqual(seen, [['/uploads/up', true], ['https://media.example/web.mp4', false]]);
  await queue.close();
});

test('cancel stops a running job (no outcome reported) and removes a waiting one', async () => {
  const started: string[] = [];
  const queue = queueWith((task, { signal }) => {
    started.push(task.jobId);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(RESULT), 200);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
  });
  const r = recorder(1);
  await queue.start(r.listener);
  await queue.enqueue(job('long'));
  await queue.enqueue(job('waiting'));
  await queue.enqueue(job('last'));
  await queue.cancel('waiting');
  await queue.cancel('long');
  await r.settled;
  assert.deepEqual(started, ['long', 'last']);
  assert.deepEqual(r.events.filter((e) => !e.startsWith('progress')), ['start long', 'start last', 'done last']);
  await queue.close();
});

test('close interrupts running jobs without reporting them: the service resumes them at its next start', async () => {
  const queue = queueWith((_task, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))));
  const r = recorder(1);
  await queue.start(r.listener);
  await queue.enqueue(job('a'));
  await new Promise((resolve) => setImmediate(resolve));
  await queue.close();
  assert.deepEqual(r.events, ['start a']);
  assert.equal(await queue.isReady(), false);
});

test('a job closed or cancelled while its upload is being located never reaches the processor, and close does not wait for it forever', async () => {
  let calls = 0;
  let located!: () => void;
  const queue = new InProcessQueue({
    processor: async () => {
      calls++;
      return RESULT;
    },
    concurrency: 1,
    attempts: 3,
    backoffMs: 20,
    resolveUploadPath: (id) => new Promise((resolve) => (located = () => resolve(`/uploads/${id}`))),
  });
  const r = recorder(1);
  await queue.start(r.listener);
  await queue.enqueue({ jobId: 'up', source: { kind: 'upload', filename: 'clip.mp4' }, options: { fps: 2 } });
  const closed = queue.close();
  located();
  await closed;
  assert.equal(calls, 0, 'the processor was not started after close');
  assert.deepEqual(r.events, ['start up']);
});
