/**
 * What happens to a job while and after it is analysed, as the queue reports it: progress,
 * result, failure. The one place results are stored, so each is stored once: a duplicate
 * delivery (a job that ran twice after a worker died at the wrong moment) is counted and
 * dropped, and a result for a deleted job is discarded.
 */
import type { AnalysisResult } from '../contracts/analysis-result.js';
import type { JobProgress } from '../contracts/progress.js';
import type { JobFailure } from '../queue/job-errors.js';
import type { QueueListener } from '../queue/job-queue.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { JobRecord, JobsRepository } from '../storage/jobs.repository.js';
import type { JobNotifier } from './job-notifier.js';
import { toJob } from './job-view.js';

/** JobProgress is written at most this often per job; the UI interpolates between. */
const PROGRESS_INTERVAL_MS = 250;

export class JobOutcomesService implements QueueListener {
  private readonly lastProgressAt = new Map<string, number>();

  constructor(
    private readonly deps: {
      jobs: JobsRepository;
      files: JobFilesStore;
      notifier: JobNotifier;
      /**
       * Recognises the people library's people in a result and stores it through `store`, as one step
       * that a library person's removal cannot fall between (else the stored result could keep them).
       */
      recogniseAndStore?(jobId: string, result: AnalysisResult, store: (result: AnalysisResult) => Promise<void>): Promise<void>;
    },
  ) {}

  onStarted(jobId: string): void {
    const record = this.deps.jobs.get(jobId);
    if (!record || !isPending(record)) return;
    this.save(jobId, { status: 'running', stage: 'source', percent: 0, etaSeconds: null, message: 'Starting', attempts: record.attempts + 1 });
  }

  onProgress(jobId: string, progress: JobProgress): void {
    const now = Date.now();
    const record = this.deps.jobs.get(jobId);
    if (!record || !isPending(record)) return;
    const isStageChange = record.stage !== progress.stage;
    if (!isStageChange && now - (this.lastProgressAt.get(jobId) ?? 0) < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt.set(jobId, now);
    this.save(jobId, {
      status: 'running',
      stage: progress.stage,
      percent: Math.round(Math.min(100, Math.max(0, progress.percent)) * 10) / 10,
      etaSeconds: progress.etaSeconds === null ? null : Math.round(progress.etaSeconds),
      message: progress.message,
    });
  }

  async onCompleted(jobId: string, delivered: AnalysisResult): Promise<void> {
    this.lastProgressAt.delete(jobId);
    const record = this.deps.jobs.get(jobId);
    if (!record) return; // deleted while it was analysed: keep nothing
    this.deps.jobs.incrementDeliveries(jobId);
    if (!isPending(record)) {
      this.deps.notifier.log(`job ${jobId}: a second result arrived and was dropped (the job ran twice)`);
      return;
    }
    // The analysis names its source; for uploads that is a server path or signed URL: show the file name.
    if (record.sourceKind === 'upload') {
      const { video } = delivered.analysis;
      // A title that is only the stored file's name says nothing: the uploaded file's name does.
      if (video.title === null || video.title === storedName(video.source)) video.title = record.sourceLabel;
      video.source = record.sourceLabel;
    }
    // Recognition runs here, where the people library lives: workers never hold it.
    const store = (result: AnalysisResult) => this.storeResult(jobId, result);
    await (this.deps.recogniseAndStore ? this.deps.recogniseAndStore(jobId, delivered, store) : store(delivered));
  }

  private async storeResult(jobId: string, result: AnalysisResult): Promise<void> {
    await this.deps.files.writeResult(jobId, result);
    if (!this.deps.jobs.get(jobId)) {
      await this.deps.files.removeJob(jobId); // deleted while the result was written
      return;
    }
    // An uploaded video stays while the job can be tagged, so a tagger can check a face in
    // context; deleting the job (by hand or by retention) deletes it (files.removeJob).
    const people = result.analysis.clusters.length;
    this.save(jobId, {
      status: 'tagging',
      stage: 'done',
      percent: 100,
      etaSeconds: 0,
      message: people === 0 ? 'No faces found' : `Ready to tag: ${people} ${people === 1 ? 'person' : 'people'}`,
      people,
      duration: result.analysis.video.duration,
      title: result.analysis.video.title,
      errorCode: null,
      errorMessage: null,
      errorHint: null,
    });
  }

  async onFailed(jobId: string, failure: JobFailure, willRetry: boolean): Promise<void> {
    const record = this.deps.jobs.get(jobId);
    if (!record || !isPending(record)) return;
    if (willRetry) {
      this.save(jobId, { status: 'queued', stage: 'queued', percent: 0, etaSeconds: null, message: `Will try again: ${failure.message}` });
      return;
    }
    this.lastProgressAt.delete(jobId);
    await this.deps.files.removeUpload(jobId).catch(() => undefined);
    this.save(jobId, {
      status: 'failed',
      message: failure.message,
      etaSeconds: null,
      errorCode: failure.code,
      errorMessage: failure.message,
      errorHint: failure.hint ?? null,
    });
  }

  private save(jobId: string, fields: Partial<JobRecord>): void {
    const updated = this.deps.jobs.update(jobId, fields);
    if (updated) this.deps.notifier.publish(toJob(updated));
  }
}

function isPending(record: JobRecord): boolean {
  return record.status === 'queued' || record.status === 'running';
}

/** The last path segment of the URL (or path) the worker read the upload from. */
function storedName(source: string): string {
  const path = URL.canParse(source) ? new URL(source).pathname : source;
  return decodeURIComponent(path.split('/').at(-1) ?? '');
}
