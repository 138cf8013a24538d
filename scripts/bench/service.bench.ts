/**
 * The service's throughput and latency, on loopback only. Prints figures; asserts nothing.
 *   1. Jobs per hour with one and with two `onscreen worker` processes (BullMQ on a throwaway
 *      redis-server), the same clip analysed `--jobs` times (force: no reuse).
 *   2. API latency under load: a second process sends requests (bounded in count and time) to
 *      the in-process service, idle and while it analyses, and to the Redis-backed server while
 *      two workers analyse.
 *
 *   npx tsx scripts/bench/service.bench.ts [--clip file.mp4] [--jobs 6] [--fps 2] [--seconds 8] [--connections 8]
 * Clip: samples/group-photos.mp4 (made by `npx onscreen demo`) when present, else a generated one.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OnscreenClient } from '../../shared/src/api/client.js';
import type { Job } from '../../shared/src/api/types.js';
import { startService } from '../../engine/src/api/start-service.js';
import { loadServiceConfig } from '../../engine/src/config/service.config.js';
import { makeTempDir, makeVideo } from '../../test/fixtures/media.js';
import { startCluster } from '../../test/e2e/service/helpers/cluster.js';

const SELF = fileURLToPath(import.meta.url);
const SAMPLE = fileURLToPath(new URL('../../samples/group-photos.mp4', import.meta.url));
/** Hard bounds of one load run, whatever the flags say. */
const MAX_REQUESTS = 50_000;
const MAX_SECONDS = 30;

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { clip: { type: 'string' }, jobs: { type: 'string' }, fps: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' } },
  });
  const jobs = Math.min(50, Number(values.jobs ?? 6));
  const fps = Number(values.fps ?? 2);
  const seconds = Math.min(MAX_SECONDS, Number(values.seconds ?? 8));
  const connections = Math.min(64, Number(values.connections ?? 8));
  const temp = await makeTempDir('onscreen-bench-');
  try {
    const clipPath = values.clip ?? (existsSync(SAMPLE) ? SAMPLE : await makeVideo(join(temp.dir, 'clip.mp4'), { width: 1280, height: 720, segments: [{ source: 'testsrc2', seconds: 20 }] }));
    const clip = await readFile(clipPath);
    console.log(`# onscreen service benchmark: ${clipPath}, ${jobs} jobs at ${fps} samples/s per configuration`);

    for (const workers of [1, 2]) {
      const cluster = await startCluster({ ONSCREEN_LOCK_MS: '30000', ONSCREEN_STALLED_INTERVAL_MS: '30000' });
      try {
        for (let i = 0; i < workers; i++) await cluster.startWorker();
        const [warm] = await runJobs(cluster.client, clip, 1, fps); // warm-up: models loaded in each worker's child
        if (workers === 2) await runJobs(cluster.client, clip, 2, fps);
        const started = performance.now();
        await runJobs(cluster.client, clip, jobs, fps);
        const elapsed = (performance.now() - started) / 1000;
        const shares = cluster.workers.map((w) => w.finished().length).join(' + ');
        console.log(`jobs/hour, ${workers} worker${workers > 1 ? 's' : ' '}: ${Math.round((jobs / elapsed) * 3600)}  (${jobs} jobs in ${elapsed.toFixed(1)} s; jobs per worker incl. warm-up: ${shares})`);
        if (workers === 2) {
          const load = runJobs(cluster.client, clip, jobs, fps);
          load.catch(() => undefined);
          await new Promise((r) => setTimeout(r, 1500));
          const target = { url: cluster.service.url, token: cluster.token, jobId: warm!.id };
          printLoad('API latency, Redis server, 2 workers busy', await loadFromChildAt(target, seconds, connections));
          await load;
        }
      } finally {
        await cluster.close();
      }
    }

    const config = loadServiceConfig({ dataDir: join(temp.dir, 'in-process'), port: 0, rateLimitPerMinute: 1_000_000, rateLimitBurst: 100_000 }, {});
    const service = await startService(config, { log: () => undefined });
    const token = service.tokens.create('bench');
    const client = new OnscreenClient({ baseUrl: service.url, token });
    try {
      const ready = await runJobs(client, clip, 1, fps);
      const target = { url: service.url, token, jobId: ready[0]!.id };
      await loadFromChildAt(target, 2, connections); // warm-up
      printLoad('API latency, in-process server, idle', await loadFromChildAt(target, seconds, connections));
      const busy = runJobs(client, clip, 2, fps);
      busy.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
      printLoad('API latency, in-process server, analysing', await loadFromChildAt(target, seconds, connections));
      await busy;
    } finally {
      await service.close();
    }
  } finally {
    await temp.remove();
  }
}

async function runJobs(client: OnscreenClient, clip: Buffer, count: number, fps: number): Promise<Job[]> {
  const created = await Promise.all(Array.from({ length: count }, (_, i) => client.uploadJob(clip, `bench-${i}.mp4`, { fps, force: true })));
  const done: Job[] = [];
  for (const job of created) {
    let current = job;
    while (current.status === 'queued' || current.status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      current = await client.getJob(job.id);
    }
    if (current.status !== 'tagging') throw new Error(`job ${job.id} ${current.status}: ${current.error?.message ?? ''}`);
    done.push(current);
  }
  return done;
}

/** Runs the load loop in a second process, so the load generator does not share the server's event loop. */
function loadFromChildAt(target: { url: string; token: string; jobId: string }, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--load', JSON.stringify({ ...target, seconds, connections })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    process.once('exit', () => child.kill('SIGKILL'));
    child.once('close', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited ${code}`))));
  });
}

/** The child: `connections` loops of GET requests (job, people, status) until the time or count bound. */
async function generateLoad(spec: { url: string; token: string; jobId: string; seconds: number; connections: number }): Promise<void> {
  const paths = [`/api/v1/jobs/${spec.jobId}`, `/api/v1/jobs/${spec.jobId}/people`, '/api/v1/status', '/api/health'];
  const headers = { authorization: `Bearer ${spec.token}` };
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + Math.min(spec.seconds, MAX_SECONDS) * 1000;
  await Promise.all(Array.from({ length: spec.connections }, async (_, c) => {
    for (let i = c; performance.now() < deadline && latencies.length + errors < MAX_REQUESTS; i++) {
      const t = performance.now();
      try {
        const response = await fetch(`${spec.url}${paths[i % paths.length]}`, { headers });
        await response.arrayBuffer();
        if (response.ok) latencies.push(performance.now() - t);
        else errors++;
      } catch {
        errors++;
      }
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN) * 10) / 10;
  const result: LoadResult = { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
  process.stdout.write(JSON.stringify(result));
}

function printLoad(label: string, r: LoadResult): void {
  console.log(`${label}: ${Math.round(r.requests / r.seconds)} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms (${r.requests} requests, ${r.errors} errors)`);
}

const loadIndex = process.argv.indexOf('--load');
if (loadIndex >= 0) {
  generateLoad(JSON.parse(process.argv[loadIndex + 1]!)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
