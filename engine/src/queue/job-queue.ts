/**
 * How analysis jobs reach a processor, and how their outcome comes back. Two implementations:
 * the in-process runner (no setup; one machine) and BullMQ on Redis (any number of workers).
 * Both have the same semantics: retries with backoff for transient failures, none for bad
 * input, pending jobs survive a restart, and each job's result is delivered to the listener.
 */
import type { AnalysisResult } from '../contracts/analysis-result.js';
import type { JobOptions } from '../contracts/job-options.js';
import type { JobProgress, ProgressListener } from '../contracts/progress.js';
import type { JobFailure } from './job-errors.js';

/** What a queued job carries: ids, the source and options; never secrets, frames or local paths. */
export interface AnalysisJobData {
  jobId: string;
  source: { kind: 'url'; url: string } | { kind: 'upload'; filename: string };
  options: Pick<JobOptions, 'fps'>;
}

/** What a processor is handed: the source resolved to something it can open. */
export interface AnalysisTask {
  jobId: string;
  /** A user's URL, the server's signed URL of an upload, or (in-process) the upload's path. */
  source: string;
  /** True only for the server's own upload URL; user URLs always go through the private-network guard. */
  isTrustedSource: boolean;
  options: Pick<JobOptions, 'fps'>;
  /** Set by the server on a running job that was deleted: its worker stops it (Redis mode). */
  isCancelled?: boolean;
}

export interface ProcessContext {
  signal: AbortSignal;
  onProgress: ProgressListener;
}

/** Runs one analysis. Throws OnscreenError for expected failures. */
export type AnalysisProcessor = (task: AnalysisTask, context: ProcessContext) => Promise<AnalysisResult>;

/** The API server's side: where a queue reports what happens to jobs. */
export interface QueueListener {
  onStarted(jobId: string): void;
  onProgress(jobId: string, progress: JobProgress): void;
  /** Stores the result; the queue forgets the job only once this resolves. */
  onCompleted(jobId: string, result: AnalysisResult): Promise<void>;
  /** `willRetry`: a transient failure that will be tried again after a backoff. */
  onFailed(jobId: string, failure: JobFailure, willRetry: boolean): Promise<void>;
}

export interface QueueStats {
  mode: 'in-process' | 'redis';
  waiting: number;
  active: number;
  failed: number;
  workers: number;
}

export interface JobQueue {
  readonly mode: QueueStats['mode'];
  start(listener: QueueListener): Promise<void>;
  /** Idempotent: enqueueing a job that is already queued or running does nothing. */
  enqueue(data: AnalysisJobData): Promise<void>;
  /** Forgets a job: removes it if waiting, stops it if this process runs it. */
  cancel(jobId: string): Promise<void>;
  /**
   * Brings the queue in line with the jobs the service believes pending (after restarts).
   * `isStillPending` is asked again just before a job is added back: it may have finished meanwhile.
   */
  reconcile(pending: AnalysisJobData[], isStillPending: (jobId: string) => boolean): Promise<void>;
  stats(): Promise<QueueStats>;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
