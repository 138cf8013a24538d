/**
 * The in-process runner: analyses jobs inside the API server, a few at a time, with the same
 * semantics as the BullMQ queue (retries with exponential backoff for transient failures,
 * none for bad input). It keeps no state of its own: after a restart the service hands it
 * the jobs its database still holds as pending (`reconcile`), and they run again.
 */
import { toJobFailure } from './job-errors.js';
import type { AnalysisJobData, AnalysisProcessor, AnalysisTask, JobQueue, QueueListener, QueueStats } from './job-queue.js';

/** How long a cancel waits for a processor that ignores its abort signal. */
const CANCEL_WAIT_MS = 10_000;

export interface InProcessQueueOptions {
  processor: AnalysisProcessor;
  concurrency: number;
  attempts: number;
  backoffMs: number;
  /** The local path of an uploaded video. */
  resolveUploadPath(jobId: string): Promise<string>;
  log?(line: string): void;
}

export class InProcessQueue implements JobQueue {
  readonly mode = 'in-process' as const;
  private listener: QueueListener | null = null;
  private readonly waiting: AnalysisJobData[] = [];
  private readonly running = new Map<string, AbortController>();
  /** Settles when the job's current run has stopped (its processor has cleaned up). */
  private readonly runs = new Map<string, Promise<void>>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private readonly attemptsMade = new Map<string, number>();
  private failedCount = 0;
  private isClosed = false;
  private readonly idle = new Set<() => void>();

  constructor(private readonly options: InProcessQueueOptions) {}

  async start(listener: QueueListener): Promise<void> {
    this.listener = listener;
    this.pump();
  }

  async enqueue(data: AnalysisJobData): Promise<void> {
    if (this.isClosed || this.isKnown(data.jobId)) return;
    this.waiting.push(data);
    this.pump();
  }

  async cancel(jobId: string): Promise<void> {
    const index = this.waiting.findIndex((d) => d.jobId === jobId);
    if (index >= 0) this.waiting.splice(index, 1);
    clearTimeout(this.delayed.get(jobId));
    this.delayed.delete(jobId);
    this.running.get(jobId)?.abort(new Error('cancelled'));
    this.attemptsMade.delete(jobId);
    // A deleted job's files are removed after this: wait until its analysis has stopped writing them.
    const run = this.runs.get(jobId);
    if (run) await Promise.race([run.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref())]);
  }

  /** Nothing is kept outside this process: a deleted job was already cancelled, a finished one forgotten. */
  async sweep(): Promise<void> {}

  async reconcile(pending: AnalysisJobData[], isStillPending: (jobId: string) => boolean): Promise<void> {
    for (const data of pending) if (isStillPending(data.jobId)) await this.enqueue(data);
  }

  async stats(): Promise<QueueStats> {
    return { mode: this.mode, waiting: this.waiting.length + this.delayed.size, active: this.running.size, failed: this.failedCount, workers: this.isClosed ? 0 : 1 };
  }

  async isReady(): Promise<boolean> {
    return !this.isClosed && this.listener !== null;
  }

  /** Stops taking jobs and interrupts running ones; the service resumes them on its next start. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.waiting.length = 0;
    for (const controller of this.running.values()) controller.abort(new Error('shutting down'));
    if (this.running.size > 0) await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  private isKnown(jobId: string): boolean {
    return this.running.has(jobId) || this.delayed.has(jobId) || this.waiting.some((d) => d.jobId === jobId);
  }

  private pump(): void {
    while (this.listener && !this.isClosed && this.running.size < this.options.concurrency && this.waiting.length > 0) {
      const data = this.waiting.shift()!;
      const controller = new AbortController();
      this.running.set(data.jobId, controller);
      const run = this.run(data, controller.signal, this.listener).finally(() => {
        this.running.delete(data.jobId);
        this.runs.delete(data.jobId);
        if (this.running.size === 0) for (const resolve of this.idle) resolve();
        this.pump();
      });
      this.runs.set(data.jobId, run);
    }
  }

  private async run(data: AnalysisJobData, signal: AbortSignal, listener: QueueListener): Promise<void> {
    const attempt = (this.attemptsMade.get(data.jobId) ?? 0) + 1;
    this.attemptsMade.set(data.jobId, attempt);
    try {
      listener.onStarted(data.jobId);
      const task = await this.toTask(data);
      // Closed or cancelled while the task was prepared: the processor is never started.
      if (signal.aborted) return;
      const result = await this.options.processor(task, {
        signal,
        onProgress: (progress) => {
          if (!signal.aborted) listener.onProgress(data.jobId, progress);
        },
      });
      if (signal.aborted) return;
      await listener.onCompleted(data.jobId, result);
      this.attemptsMade.delete(data.jobId);
    } catch (error) {
      if (signal.aborted) return;
      const failure = toJobFailure(error);
      if (failure.code === 'internal') this.options.log?.(`job ${data.jobId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const willRetry = failure.isRetryable && attempt < this.options.attempts;
      if (!willRetry) {
        this.failedCount++;
        this.attemptsMade.delete(data.jobId);
      }
      await listener.onFailed(data.jobId, failure, willRetry);
      if (willRetry) this.retryLater(data, this.options.backoffMs * 2 ** (attempt - 1));
    }
  }

  private retryLater(data: AnalysisJobData, delayMs: number): void {
    const timer = setTimeout(() => {
      this.delayed.delete(data.jobId);
      if (this.isClosed) return;
      this.waiting.push(data);
      this.pump();
    }, delayMs);
    this.delayed.set(data.jobId, timer);
  }

  private async toTask(data: AnalysisJobData): Promise<AnalysisTask> {
    if (data.source.kind === 'url') return { jobId: data.jobId, source: data.source.url, isTrustedSource: false, options: data.options };
    return { jobId: data.jobId, source: await this.options.resolveUploadPath(data.jobId), isTrustedSource: true, options: data.options };
  }
}
