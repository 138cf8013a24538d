/**
 * Redis mode, deletion means gone (issue 10): a job's BullMQ records (the job hash with its data
 * and return value, its logs, its place in the waiting, completed and failed sets, and the
 * entries of the events stream, which carry progress and the whole result with its thumbnails)
 * do not outlive the job. Once a result is stored Redis keeps no copy of it; after a deletion
 * (of a queued, a finished or a failed job), a retention sweep, or a sweep of records whose job
 * the server no longer knows, no key of the Redis server names the job or holds a face thumbnail.
 * Real redis-server, API server and `onscreen worker` on loopback.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import type { Job } from '../../../shared/src/api/types.js';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';
import { startCluster, waitForStatus, type Cluster } from './helpers/cluster.js';
import { hasRedis } from './helpers/redis-server.js';
import { findRedisTraces } from './helpers/redis-traces.js';

const REAL_CLIP = new URL('../../../../shared/eval/video/short_hamilton_clip.mp4', import.meta.url).pathname;
const skip = hasRedis() ? false : 'redis-server is not installed';

let cluster: Cluster;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let shortVideo: Uint8Array;

before(async () => {
  if (skip) return;
  [cluster, temp] = await Promise.all([startCluster(), makeTempDir('onscreen-redis-deletion-')]);
  shortVideo = await readFile(await makeVideo(join(temp.dir, 'short.mp4'), { segments: [{ source: 'testsrc2', seconds: 1 }] }));
});
after(() => Promise.all([cluster?.close(), temp?.remove()]));

const waitFor = (id: string, statuses: Job['status'][], timeoutMs: number) => waitForStatus(cluster.client, id, statuses, timeoutMs);

/** What Redis still holds of a job, once the server has had a moment to settle it. */
async function tracesOf(needles: string[]): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 500));
  return findRedisTraces(cluster.redis.url, needles);
}

test('a job deleted while queued, and records of jobs the server no longer knows, leave nothing in Redis', { skip, timeout: 60_000 }, async () => {
  // No worker yet: the job waits in Redis.
  const job = await cluster.client.uploadJob(shortVideo, 'queued-then-deleted.mp4');
  assert.ok((await findRedisTraces(cluster.redis.url, [job.id])).length > 0, 'the queued job is in Redis');
  await cluster.client.deleteJob(job.id);
  assert.deepEqual(await tracesOf([job.id]), []);

  // A job of this queue the database does not know (deleted while Redis was away, or by an older
  // version): the retention sweep removes it and its events.
  const orphan = 'ab'.repeat(10);
  const queue = new Queue(cluster.env.ONSCREEN_QUEUE_NAME!, { connection: { url: cluster.redis.url }, prefix: cluster.env.ONSCREEN_QUEUE_PREFIX! });
  try {
    await queue.add('analyze', { jobId: orphan, source: 'orphan.mp4', isTrustedSource: true, options: { fps: 1 } }, { jobId: orphan });
  } finally {
    await queue.close();
  }
  assert.ok((await findRedisTraces(cluster.redis.url, [orphan])).length > 0);
  await cluster.service.sweep();
  assert.deepEqual(await tracesOf([orphan, 'orphan.mp4']), []);
});

test('a finished job: Redis keeps no copy of its result once stored, and nothing after deletion', { skip, timeout: 240_000 }, async () => {
  await cluster.startWorker();
  const hasFaces = existsSync(REAL_CLIP);
  const video = hasFaces ? await readFile(REAL_CLIP) : shortVideo;
  const job = await cluster.client.uploadJob(video, 'finished-then-deleted.mp4', { fps: 4 });
  const done = await waitFor(job.id, ['tagging', 'failed'], 200_000);
  assert.equal(done.status, 'tagging', JSON.stringify(done.error));
  if (hasFaces) assert.ok(done.people! > 0, 'the result carried faces');
  else console.log('# without ../shared/eval the clip has no faces: only the job id is looked for');
  assert.deepEqual(await tracesOf([job.id, 'returnvalue']), [], 'no copy of the stored result (return value, thumbnails, progress) is left');
  await cluster.client.deleteJob(job.id);
  assert.deepEqual(await tracesOf([job.id, 'finished-then-deleted']), []);
});

test('a failed job deleted, and a finished job deleted by retention, leave nothing in Redis', { skip, timeout: 120_000 }, async () => {
  const failed = await cluster.client.uploadJob(new Uint8Array(4096).fill(7), 'not-a-video.mp4');
  assert.equal((await waitFor(failed.id, ['tagging', 'failed'], 60_000)).status, 'failed');
  await cluster.client.deleteJob(failed.id);
  assert.deepEqual(await tracesOf([failed.id, 'not-a-video']), []);

  const old = await cluster.client.uploadJob(shortVideo, 'kept-too-long.mp4', { force: true });
  assert.equal((await waitFor(old.id, ['tagging', 'failed'], 60_000)).status, 'tagging');
  const db = new Database(join(cluster.dataDir, 'onscreen.sqlite'));
  db.prepare("UPDATE jobs SET created_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(old.id);
  db.close();
  assert.deepEqual(await cluster.service.sweep(), [old.id]);
  assert.deepEqual(await tracesOf([old.id, 'kept-too-long']), []);
});
