/**
 * Redis mode, deletion means gone (issue 10): a worker SIGKILLed mid-job leaves neither the video
 * it downloaded nor the face crops in its scratch folder once the next worker has started, and
 * after the job is deleted neither the data folder (files, SQLite, WAL) nor the worker's scratch
 * folder, nor any key of Redis, holds the job id; under umask 022 its files are 0600 in 0700 folders. Real redis-server, API server, `onscreen worker` processes, real clip.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { findTraces, listFiles } from '../../medium/service/helpers/traces.js';
import { startCluster, waitForStatus, type Cluster } from './helpers/cluster.js';
import { hasRedis } from './helpers/redis-server.js';
import { findRedisTraces } from './helpers/redis-traces.js';

const REAL_CLIP = new URL('../../../../shared/eval/video/short_hamilton_clip.mp4', import.meta.url).pathname;
const skip = !hasRedis() ? 'redis-server is not installed' : !existsSync(REAL_CLIP) ? 'the real clip ../shared/eval/video/short_hamilton_clip.mp4 is absent' : false;

let cluster: Cluster;
let scratch: string;

before(async () => {
  if (skip) return;
  scratch = await mkdtemp(join(tmpdir(), 'onscreen-scratch-'));
  cluster = await startCluster({ ONSCREEN_SCRATCH_DIR: scratch });
});
after(async () => {
  await cluster?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const waitFor = (id: string, statuses: Job['status'][], timeoutMs: number) => waitForStatus(cluster.client, id, statuses, timeoutMs);

const faceData = async () => (await listFiles(scratch)).filter((p) => /\/(face-crops\.rgb|download[^/]*)$/.test(p));

test('a worker killed mid-job leaves no download or crops once the next worker starts; a deleted job leaves no trace', { skip, timeout: 240_000 }, async () => {
  // Leftovers of a worker that died before this test (pid 1 is alive; this one is not).
  const deadPid = 4_000_000 + Math.floor(Math.random() * 100_000);
  const stale = join(scratch, `worker-${deadPid}`, 'abcdefabcdefabcdef01-x');
  await mkdir(stale, { recursive: true });
  await writeFile(join(stale, 'face-crops.rgb'), Buffer.alloc(96 * 96 * 3, 1));

  // Workers started under the usual umask still keep their scratch to themselves (0700 / 0600).
  const mask = process.umask(0o022);
  const first = await cluster.startWorker().finally(() => process.umask(mask));
  assert.equal(existsSync(stale), false, 'a starting worker removes the scratch folders of dead workers');
  const job = await cluster.client.uploadJob(await readFile(REAL_CLIP), 'scratch-test.mp4', { fps: 8 });
  for (let i = 0; i < 1200 && !(await faceData()).some((p) => p.endsWith('face-crops.rgb')); i++) await new Promise((r) => setTimeout(r, 50));
  const during = await faceData();
  assert.ok(during.some((p) => p.endsWith('face-crops.rgb')) && during.some((p) => /download/.test(p)), `the worker was writing: ${during.join(', ')}`);
  const modes = await Promise.all(during.map(async (p) => [(await stat(p)).mode & 0o777, (await stat(dirname(p))).mode & 0o777]));
  assert.deepEqual(new Set(modes.map((m) => m.join(' '))), new Set([`${0o600} ${0o700}`]), 'files 0600 in folders 0700');
  await first.kill('SIGKILL');

  const second = await cluster.startWorker();
  const leftover = (await faceData()).filter((p) => !p.includes(`worker-${second.child.pid}/`));
  assert.deepEqual(leftover, [], 'nothing of the killed worker is left');
  const final = await waitFor(job.id, ['tagging', 'failed'], 180_000);
  assert.equal(final.status, 'tagging', JSON.stringify(final.error));
  assert.deepEqual(await faceData(), [], 'the finished job left nothing either');

  await cluster.client.deleteJob(job.id);
  assert.deepEqual(await findTraces([cluster.dataDir, scratch], [job.id, 'scratch-test']), []);
  assert.deepEqual(await findRedisTraces(cluster.redis.url, [job.id, 'scratch-test']), [], 'nor does Redis (job records, events with its result)');
});

test('a job deleted while a worker runs it is stopped there: its download and crops go at once', { skip, timeout: 240_000 }, async () => {
  if (!cluster.workers.some((w) => w.child.exitCode === null && w.child.signalCode === null)) await cluster.startWorker();
  const job = await cluster.client.uploadJob(await readFile(REAL_CLIP), 'deleted-on-worker.mp4', { fps: 8, force: true });
  for (let i = 0; i < 1200 && !(await faceData()).some((p) => p.endsWith('face-crops.rgb')); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok((await faceData()).some((p) => p.endsWith('face-crops.rgb')), 'the worker was writing face crops');
  const deletedAt = Date.now();
  await cluster.client.deleteJob(job.id);
  for (let i = 0; i < 200 && (await faceData()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await faceData(), [], 'the worker stopped the job and removed its scratch folder');
  assert.ok(Date.now() - deletedAt < 10_000, 'within seconds, not when the analysis would have ended');
  await new Promise((r) => setTimeout(r, 1000)); // the failure the stop reports reaches the server and is dropped
  assert.deepEqual(await findTraces([cluster.dataDir, scratch], [job.id, 'deleted-on-worker']), []);
  assert.deepEqual(await findRedisTraces(cluster.redis.url, [job.id, 'deleted-on-worker']), [], 'the stopped job\'s records and events are gone from Redis');
});
