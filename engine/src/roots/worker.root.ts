/**
 * The composition root of `onscreen worker`: a BullMQ worker on the service configuration, whose
 * sandboxed children run worker-sandbox.root.ts (the analysis itself).
 */
import { OnscreenError } from '../../../shared/src/errors.js';
import type { ServiceConfig } from '../config/service.config.js';
import { startBullmqWorker, type WorkerHandle } from '../queue/bullmq.worker.js';
import { restrictNewFiles } from '../storage/private-files.js';
import { WORKER_SANDBOX_ROOT } from './child-roots.js';

export type { WorkerHandle } from '../queue/bullmq.worker.js';

export interface WorkerOverrides {
  /** A sandboxed processor file in place of the real analysis (tests of the queue itself). */
  processorFile?: string;
  log?(line: string): void;
}

export async function startWorker(config: ServiceConfig, overrides: WorkerOverrides = {}): Promise<WorkerHandle> {
  if (!config.redisUrl) {
    throw new OnscreenError('bad_request', 'A worker takes its jobs from Redis: set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379).', {
      hint: 'Without Redis, `npx onscreen serve` runs the jobs itself and needs no worker.',
    });
  }
  restrictNewFiles();
  return startBullmqWorker({
    redisUrl: config.redisUrl,
    queueName: config.queueName,
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    lockMs: config.lockMs,
    stalledIntervalMs: config.stalledIntervalMs,
    scratchRoot: config.scratchDir,
    sweepIntervalSeconds: config.sweepIntervalSeconds,
    processorFile: overrides.processorFile ?? WORKER_SANDBOX_ROOT,
    ...(overrides.log ? { log: overrides.log } : {}),
  });
}
