/**
 * The service spread over processes: the API server with REDIS_URL, `onscreen worker` processes
 * and a real redis-server, all on loopback. Real pipeline, real clips.
 *   - two workers; one is SIGKILLed in the middle of a job: the job completes, stored once;
 *   - Redis restarts (without persistence): pending jobs are queued again and complete;
 *   - fifty jobs over two workers: every one completes exactly once.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';
import { startCluster, waitForStatus, type Cluster } from './helpers/cluster.js';
import { hasRedis } from './helpers/redis-server.js';

const REAL_CLIP = new URL('../../../../shared/eval/video/short_hamilton_clip.mp4', import.meta.url).pathname;
const skip = !hasRedis()
  ? 'redis-server is not installed (.ci/run installs Debian\'s redis-server)'
  : !canLoad('ioredis')
    ? 'ioredis is not installed: BullMQ needs it (npm install ioredis)'
    : false;

let cluster: Cluster;
let shortVideo: Uint8Array;
let temp: Awaited<ReturnType<typeof makeTempDir>>;

before(async () => {
  if (skip) return;
  temp = await makeTempDir('onscreen-e2e-');
  shortVideo = await readFile(await makeVideo(join(temp.dir, 'short.mp4'), { segments: [{ source: 'testsrc2', seconds: 1 }] }));
  cluster = await startCluster();
});
after(async () => {
  await cluster?.close();
  await temp?.remove();
});

const waitFor = (id: string, statuses: Job['status'][], timeoutMs: number) => waitForStatus(cluster.client, id, statuses, timeoutMs);

test('two workers; the one analysing a job is killed mid-job; the other completes it, stored once', { skip: skip || (!existsSync(REAL_CLIP) && 'the real clip ../shared/eval/video/short_hamilton_clip.mp4 is absent'), timeout: 180_000 }, async () => {
  const [a, b] = [await cluster.startWorker(), await cluster.startWorker()];
  const status = await cluster.client.status();
  assert.equal(status.queue.mode, 'redis');
  assert.equal(status.queue.workers, 2);

  const job = await cluster.client.uploadJob(await readFile(REAL_CLIP), 'hamilton.mp4', { fps: 8 });
  let running = await waitFor(job.id, ['running', 'tagging'], 60_000);
  while (running.status === 'running' && running.progress.stage !== 'faces') running = await waitFor(job.id, ['running', 'tagging'], 60_000);
  let owner = [a, b].find((w) => w.started().includes(job.id));
  for (let i = 0; i < 50 && !owner; i++) {
    await new Promise((r) => setTimeout(r, 100));
    owner = [a, b].find((w) => w.started().includes(job.id));
  }
  assert.ok(owner, 'one worker said it started the job');
  await owner.kill('SIGKILL');
  const atKill = await cluster.client.getJob(job.id);
  assert.equal(atKill.status, 'running', 'killed in the middle of the job');
  const other = owner === a ? b : a;

  const final = await waitFor(job.id, ['tagging', 'failed'], 120_000);
  assert.equal(final.status, 'tagging', JSON.stringify(final.error));
  assert.ok(other.finished().includes(job.id), 'the surviving worker finished it');
  assert.ok(final.people! > 0, 'people were found');
  assert.equal(cluster.deliveries().get(job.id), 1, 'the result was stored once');
  const people = await cluster.client.getPeople(job.id);
  assert.equal(people.people.length, final.people);
  const thumbnail = await cluster.client.getThumbnail(job.id, people.people[0]!.id);
  assert.deepEqual([...thumbnail.slice(0, 2)], [0xff, 0xd8], 'thumbnails came back through the queue');
  assert.equal((await cluster.client.status()).queue.workers, 1);
});

test('Redis restarts (empty): workers and server reconnect, and pending jobs are queued again and complete', { skip, timeout: 180_000 }, async () => {
  while (cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null).length < 2) await cluster.startWorker();
  await cluster.redis.restart();
  const ready = async () => (await fetch(`${cluster.service.url}/api/ready`)).status;
  const deadline = Date.now() + 30_000;
  while ((await ready()) !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.equal(await ready(), 200, 'ready again after Redis came back');

  // A job the server queued while Redis was down, and one after: both complete.
  await cluster.redis.stop();
  const whileDown = await cluster.client.uploadJob(shortVideo, 'while-down.mp4', { force: true });
  assert.equal((await fetch(`${cluster.service.url}/api/ready`)).status, 503, 'not ready without Redis');
  await cluster.redis.restart();
  const afterwards = await cluster.client.uploadJob(shortVideo, 'after.mp4', { force: true });
  for (const job of [whileDown, afterwards]) {
    const final = await waitFor(job.id, ['tagging', 'failed'], 120_000);
    assert.equal(final.status, 'tagging', `${job.id}: ${JSON.stringify(final.error)}`);
  }
  const deliveries = cluster.deliveries();
  assert.equal(deliveries.get(whileDown.id), 1);
  assert.equal(deliveries.get(afterwards.id), 1);
});

test('fifty jobs over two workers: every one completes exactly once', { skip, timeout: 600_000 }, async () => {
  while (cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null).length < 2) await cluster.startWorker();
  const alive = cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  const before = new Map(alive.map((w) => [w, w.finished().length]));
  const jobs: Job[] = [];
  for (let i = 0; i < 50; i++) jobs.push(await cluster.client.uploadJob(shortVideo, `clip-${i}.mp4`, { force: true }));
  assert.equal(new Set(jobs.map((j) => j.id)).size, 50);
  for (const job of jobs) {
    const final = await waitFor(job.id, ['tagging', 'failed'], 300_000);
    assert.equal(final.status, 'tagging', `${job.id}: ${JSON.stringify(final.error)}`);
  }
  const deliveries = cluster.deliveries();
  assert.deepEqual(jobs.filter((j) => deliveries.get(j.id) !== 1).map((j) => [j.id, deliveries.get(j.id)]), [], 'each result stored exactly once');
  const processed = alive.flatMap((w) => w.finished().slice(before.get(w)));
  assert.equal(processed.length, 50, 'fifty analyses ran, no more');
  assert.deepEqual(new Set(processed), new Set(jobs.map((j) => j.id)));
  assert.ok(alive.every((w) => w.finished().length > before.get(w)!), 'both workers took jobs');
  const status = await cluster.client.status();
  assert.equal(status.queue.waiting + status.queue.active, 0);
});

test('a worker stops gracefully on SIGTERM: it finishes the job it is running, then exits', { skip, timeout: 120_000 }, async () => {
  const worker = await cluster.startWorker();
  for (const w of cluster.workers) if (w !== worker) await w.kill('SIGKILL');
  const longer = await readFile(await makeVideo(join(temp.dir, 'longer.mp4'), { segments: [{ source: 'testsrc2', seconds: 8 }] }));
  const job = await cluster.client.uploadJob(longer, 'longer.mp4', { fps: 6, force: true });
  const running = await waitFor(job.id, ['running', 'tagging'], 60_000);
  assert.equal(running.status, 'running');
  await worker.kill('SIGTERM');
  assert.equal(worker.child.exitCode, 0, worker.log());
  assert.ok(worker.finished().includes(job.id), 'it finished the job before exiting');
  assert.equal((await waitFor(job.id, ['tagging', 'failed'], 10_000)).status, 'tagging');
});

function canLoad(name: string): boolean {
  try {
    createRequire(new URL('../../../node_modules/bullmq/package.json', import.meta.url)).resolve(name);
    return true;
  } catch {
    return false;
  }
}
