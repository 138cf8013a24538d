/**
 * A BullMQ worker: takes analysis jobs from Redis and runs each in a sandboxed child process.
 * Stateless: results go back through the queue to the API server, which stores them.
 * A worker that dies mid-job loses its lock; another worker's stalled-job check puts the job
 * back in the queue and it runs again (its result is stored once: see bullmq.queue.ts).
 */
import { hostname } from 'node:os';
import { Job, Worker } from 'bullmq';
import { toConnection, type BullmqSettings } from './bullmq.connection.js';
import { ENV_NAMES } from '../config/service.config.js';
import { quietRepeats } from './bullmq.queue.js';
import type { AnalysisTask } from './job-queue.js';
import { openWorkerScratch } from './worker-scratch.js';

/** How often a worker looks whether a job it runs was deleted. */
const CANCEL_POLL_MS = 1000;

export interface BullmqWorkerOptions extends BullmqSettings {
  concurrency: number;
  lockMs: number;
  stalledIntervalMs: number;
  /** Under which folder this worker's scratch folders go (swept of dead workers' leftovers). */
  scratchRoot: string;
  /** How often the scratch space is swept, seconds. */
  sweepIntervalSeconds: number;
  /** The sandboxed processor file (its default export is the processor; see bullmq.sandbox.ts). */
  processorFile: string;
  log?(line: string): void;
}

export interface WorkerHandle {
  readonly name: string;
  /** Finishes the current jobs, then stops. `force`: stops now and leaves them to stalled-job recovery. */
  close(force?: boolean): Promise<void>;
}

export async function startBullmqWorker(options: BullmqWorkerOptions): Promise<WorkerHandle> {
  const name = `${hostname()}:${process.pid}`;
  const scratch = await openWorkerScratch(options.scratchRoot);
  const worker = new Worker(options.queueName, options.processorFile, {
    connection: toConnection(options.redisUrl),
    prefix: options.prefix,
    name,
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.stalledIntervalMs,
    // A job whose worker died twice still gets a third run; more means something about it kills workers.
    maxStalledCount: 2,
    useWorkerThreads: false,
    // The child loads TypeScript sources as this process does.
    workerForkOptions: { execArgv: ['--import', import.meta.resolve('tsx')], env: { ...process.env, [ENV_NAMES.scratchDir]: scratch.dir } },
    autorun: false,
  });
  const logError = quietRepeats((line) => options.log?.(line));
  worker.on('error', (error) => logError(`worker: ${error.message}`));
  worker.on('failed', (job, error) => options.log?.(`job ${job?.id ?? '?'} failed: ${error.message.split('\n')[0]}`));
  const active = new Set<string>();
  worker.on('active', (job) => {
    active.add(job.id ?? '');
    options.log?.(`job ${job.id} started`);
  });
  worker.on('completed', (job) => {
    active.delete(job.id ?? '');
    options.log?.(`job ${job.id} done`);
  });
  worker.on('failed', (job) => active.delete(job?.id ?? ''));
  // A job deleted while it runs here is marked by the server: stop it (its scratch folder goes with it).
  const watchCancelled = setInterval(() => {
    for (const id of active) {
      void Job.fromId<AnalysisTask>(worker, id).then((job) => {
        if (job?.data.isCancelled) worker.cancelJob(id, 'deleted');
      }, () => undefined);
    }
  }, CANCEL_POLL_MS);
  watchCancelled.unref();
  const sweep = () => void scratch.sweep((id) => active.has(id)).catch((error: unknown) => options.log?.(`scratch sweep failed: ${String(error)}`));
  const timer = setInterval(sweep, options.sweepIntervalSeconds * 1000);
  timer.unref();
  void worker.run().catch((error: unknown) => options.log?.(`worker stopped: ${String(error)}`));
  await worker.waitUntilReady();
  return {
    name,
    close: async (force = false) => {
      clearInterval(timer);
      clearInterval(watchCancelled);
      await worker.close(force);
      await scratch.sweep(() => false).catch(() => undefined);
    },
  };
}
