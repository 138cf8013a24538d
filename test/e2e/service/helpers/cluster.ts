/**
 * A whole deployment on loopback for one test file: its own redis-server, the API server (in this
 * process, with REDIS_URL) and `onscreen worker` processes (real child processes that can be
 * SIGKILLed). Each file uses its own queue name and prefix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Job } from '../../../../shared/src/api/types.js';
import { startService, type ServiceHandle } from '../../../../engine/src/api/start-service.js';
import { loadServiceConfig } from '../../../../engine/src/config/service.config.js';
import { startRedis, type RedisHandle } from './redis-server.js';

const CLI = fileURLToPath(new URL('../../../../bin/onscreen.js', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the worker wrote to stderr so far. */
  log(): string;
  /** Job ids this worker said it started / finished. */
  started(): string[];
  finished(): string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface Cluster {
  redis: RedisHandle;
  service: ServiceHandle;
  client: OnscreenClient;
  token: string;
  dataDir: string;
  env: Record<string, string>;
  workers: WorkerProcess[];
  startWorker(): Promise<WorkerProcess>;
  /** Results stored per job (more than 1 would mean a job's result arrived twice). */
  deliveries(): Map<string, number>;
  close(): Promise<void>;
}

/** `workerArgs`: how to start a worker (default `bin/onscreen.js worker`, the real command). */
export async function startCluster(settings: Record<string, string> = {}, workerArgs: string[] = [CLI, 'worker']): Promise<Cluster> {
  const redis = await startRedis();
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-cluster-'));
  const tag = randomBytes(4).toString('hex');
  const env: Record<string, string> = {
    REDIS_URL: redis.url,
    ONSCREEN_QUEUE_NAME: `analysis-${tag}`,
    ONSCREEN_QUEUE_PREFIX: `test-${tag}`,
    ONSCREEN_LOCK_MS: '4000',
    ONSCREEN_STALLED_INTERVAL_MS: '2000',
    ONSCREEN_JOB_BACKOFF_MS: '500',
    ONSCREEN_RECONCILE_SECONDS: '1',
    // The tests poll job status often; the rate limit has its own test.
    ONSCREEN_RATE_LIMIT: '100000',
    ONSCREEN_RATE_BURST: '10000',
    ...settings,
  };
  const config = loadServiceConfig({ dataDir, port: 0, host: '127.0.0.1' }, env);
  const logs: string[] = [];
  const service = await startService(config, { log: (line) => logs.push(line) });
  const token = service.tokens.create('e2e');
  const workers: WorkerProcess[] = [];
  const cluster: Cluster = {
    redis,
    service,
    client: new OnscreenClient({ baseUrl: service.url, token }),
    token,
    dataDir,
    env,
    workers,
    async startWorker() {
      const worker = await spawnWorker({ ...process.env, ...env } as Record<string, string>, workerArgs);
      workers.push(worker);
      return worker;
    },
    deliveries() {
      const db = new Database(join(dataDir, 'onscreen.sqlite'), { readonly: true, fileMustExist: true });
      try {
        const rows = db.prepare('SELECT id, deliveries FROM jobs').all() as { id: string; deliveries: number }[];
        return new Map(rows.map((r) => [r.id, r.deliveries]));
      } finally {
        db.close();
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.kill('SIGKILL')));
      await service.close();
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}

async function spawnWorker(env: Record<string, string>, args: string[]): Promise<WorkerProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  process.once('exit', () => child.kill('SIGKILL'));
  let text = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ids = (word: string) => [...text.matchAll(new RegExp(`job ([0-9a-f]{20}) ${word}`, 'g'))].map((m) => m[1]!);
  const deadline = Date.now() + 30_000;
  while (!/waiting for jobs/.test(text)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    log: () => text,
    started: () => ids('started'),
    finished: () => ids('done'),
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Polls a job until it reaches one of `statuses`; fails after `timeoutMs` saying where it is. */
export async function waitForStatus(client: OnscreenClient, id: string, statuses: Job['status'][], timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.getJob(id);
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${job.status} (${job.progress.message}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
