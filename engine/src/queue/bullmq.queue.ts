/**
 * The API server's side of BullMQ: adds jobs, listens to QueueEvents, and hands results and
 * failures to the service. Workers are stateless and return results through the queue; this
 * is the one place that stores them (through the listener), then removes the BullMQ job.
 * `reconcile` covers what events cannot: a server that was down when a job finished, or a
 * Redis restarted without persistence (pending jobs are added again from the database).
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { JobProgress } from '../contracts/progress.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { decodeFailure } from './job-errors.js';
import type { AnalysisJobData, AnalysisTask, JobQueue, QueueListener, QueueStats } from './job-queue.js';
import { toConnection, type BullmqSettings } from './bullmq.connection.js';
import { deserializeResult, type SerializedResult } from './result-codec.js';
import { removeJobRecords, sweepJobRecords } from './bullmq.records.js';

export interface BullmqQueueOptions extends BullmqSettings {
  attempts: number;
  backoffMs: number;
  /** The server's signed URL for an uploaded video, for workers on other machines. */
  signUploadUrl(jobId: string, filename: string): string;
  log?(line: string): void;
}

const JOB_NAME = 'analyze';

export class BullmqQueue implements JobQueue {
  readonly mode = 'redis' as const;
  private readonly queue: Queue<AnalysisTask, SerializedResult>;
  private readonly events: QueueEvents;
  private listener: QueueListener | null = null;
  /** Jobs whose result is being stored: a late duplicate event must not store it twice. */
  private readonly settling = new Set<string>();

  constructor(private readonly options: BullmqQueueOptions) {
    const connection = toConnection(options.redisUrl);
    this.queue = new Queue(options.queueName, { connection, prefix: options.prefix });
    this.events = new QueueEvents(options.queueName, { connection, prefix: options.prefix });
    const log = quietRepeats((line) => options.log?.(line));
    this.queue.on('error', (error) => log(`redis: ${error.message}`));
    this.events.on('error', (error) => log(`redis: ${error.message}`));
  }

  async start(listener: QueueListener): Promise<void> {
    this.listener = listener;
    this.events.on('active', ({ jobId }) => listener.onStarted(jobId));
    this.events.on('progress', ({ jobId, data }) => {
      if (isProgress(data)) listener.onProgress(jobId, data);
    });
    this.events.on('completed', ({ jobId }) => void this.settle(jobId));
    this.events.on('failed', ({ jobId }) => void this.settle(jobId));
    this.events.on('delayed', ({ jobId }) => void this.reportRetry(jobId));
    // The server starts even while Redis is away; jobs are queued once it answers (reconcile).
    await withTimeout(this.events.waitUntilReady(), 5000).catch(() => this.options.log?.('Redis does not answer yet; jobs will be queued when it does'));
  }

  /**
   * jobId = our id: adding a job that BullMQ already holds is a no-op, so enqueue is idempotent.
   * Gives up waiting after a moment when Redis is away (the request that created the job must
   * not hang); the job stays pending in the database and `reconcile` adds it once Redis is back.
   */
  async enqueue(data: AnalysisJobData): Promise<void> {
    await withTimeout(this.add(data), 2000);
  }

  private async add(data: AnalysisJobData): Promise<void> {
    await this.queue.add(JOB_NAME, this.toTask(data), {
      jobId: data.jobId,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      removeOnComplete: false,
      removeOnFail: false,
    });
  }

  async cancel(jobId: string): Promise<void> {
    // An active job is locked by its worker and cannot be removed: it is marked, and its worker
    // stops it (bullmq.worker.ts), removing its scratch folder; the failure that comes back is
    // discarded and removed with its records. Any other job goes with its records (events) now.
    // With Redis away, the job is left there: the retention sweep removes it later.
    const cancel = async () => {
      const job = await this.queue.getJob(jobId);
      if (job && (await job.isActive())) await this.markCancelled(job);
      else await removeJobRecords(this.queue, job, jobId);
    };
    await withTimeout(cancel(), 2000).catch(() => undefined);
  }

  async reconcile(pending: AnalysisJobData[], isStillPending: (jobId: string) => boolean): Promise<void> {
    for (const data of pending) {
      if (this.settling.has(data.jobId)) continue;
      const job = await this.queue.getJob(data.jobId);
      // Results are stored before their BullMQ job is removed, so "gone from Redis and still
      // pending in the database" means Redis lost it (restarted without persistence): add it back.
      if (!job) {
        if (isStillPending(data.jobId)) await this.add(data);
      } else if ((await job.isCompleted()) || (await job.isFailed())) await this.settle(data.jobId);
    }
  }

  async sweep(isPending: (jobId: string) => boolean): Promise<void> {
    await withTimeout(sweepJobRecords(this.queue, (id) => this.settling.has(id) || isPending(id), (job) => this.markCancelled(job)), 30_000);
  }

  private async markCancelled(job: Job<AnalysisTask, SerializedResult>): Promise<void> {
    await job.updateData({ ...job.data, isCancelled: true });
  }

  async stats(): Promise<QueueStats> {
    const counts = await withTimeout(this.queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'failed'), 2000).catch((error: unknown) => {
      throw new OnscreenError('unavailable', 'The job queue (Redis) does not answer.', { cause: error });
    });
    return {
      mode: this.mode,
      waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      failed: counts.failed ?? 0,
      workers: await withTimeout(this.queue.getWorkersCount(), 2000).catch(() => 0),
    };
  }

  async isReady(): Promise<boolean> {
    try {
      await withTimeout(this.queue.getJobCounts('waiting'), 1500);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    // Closing waits for Redis; when Redis is away it may never finish (BullMQ awaits a connection
    // that never comes), so give it a moment and go on: the process is ending anyway.
    await withTimeout(Promise.allSettled([this.events.close(), this.queue.close()]), 3000).catch(() => undefined);
  }

  /** Stores a finished job's outcome once, then removes it and its events (the result's copies) from Redis. */
  private async settle(jobId: string): Promise<void> {
    if (!this.listener || this.settling.has(jobId)) return;
    this.settling.add(jobId);
    try {
      const job = await this.queue.getJob(jobId);
      if (!job) return;
      if (await job.isCompleted()) {
        await this.listener.onCompleted(jobId, deserializeResult(job.returnvalue));
      } else if (await job.isFailed()) {
        await this.listener.onFailed(jobId, decodeFailure(job.failedReason), false);
      } else return;
      await removeJobRecords(this.queue, job, jobId);
    } catch (error) {
      this.options.log?.(`job ${jobId}: could not store its outcome (${error instanceof Error ? error.message : String(error)}); will retry`);
    } finally {
      this.settling.delete(jobId);
    }
  }

  private async reportRetry(jobId: string): Promise<void> {
    const job: Job<AnalysisTask, SerializedResult> | undefined = await this.queue.getJob(jobId).catch(() => undefined);
    if (job?.failedReason) await this.listener?.onFailed(jobId, decodeFailure(job.failedReason), true);
  }

  private toTask(data: AnalysisJobData): AnalysisTask {
    if (data.source.kind === 'url') return { jobId: data.jobId, source: data.source.url, isTrustedSource: false, options: data.options };
    return { jobId: data.jobId, source: this.options.signUploadUrl(data.jobId, data.source.filename), isTrustedSource: true, options: data.options };
  }
}

/** The same line at most once a minute: a Redis that is down says so on every reconnection. */
export function quietRepeats(log: (line: string) => void, intervalMs = 60_000): (line: string) => void {
  const lastAt = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if (now - (lastAt.get(line) ?? -Infinity) < intervalMs) return;
    lastAt.set(line, now);
    log(line);
  };
}

function isProgress(value: unknown): value is JobProgress {
  return typeof value === 'object' && value !== null && 'stage' in value && 'percent' in value;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
