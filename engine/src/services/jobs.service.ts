/**
 * Jobs: create (from a URL or an upload, reusing the same video with the same options unless
 * forced), read, list, delete with everything derived from them. Knows no SQL, no HTTP and no
 * queue technology: it talks to repositories and to a JobQueue.
 */
import type { Readable } from 'node:stream';
import type { CreateJobRequest, Job, ServiceStatus } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisJobData, JobQueue } from '../queue/job-queue.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { JobRecord, JobsRepository } from '../storage/jobs.repository.js';
import { assertJobId, createJobId } from '../contracts/job-id.js';
import { resolveOption, type JobOptions } from '../contracts/job-options.js';
import type { Caller } from './caller.js';
import type { JobNotifier } from './job-notifier.js';
import { classifyUrl, reuseKeyOfUpload, reuseKeyOfUrl, type ClassifiedSource } from './job-source.js';
import { toJob } from './job-view.js';

export interface JobsServiceDeps {
  jobs: JobsRepository;
  files: JobFilesStore;
  queue: JobQueue;
  notifier: JobNotifier;
  settings: { defaultFps: number; maxFps: number; uploadLimitBytes: number; allowPrivateNetwork: boolean; version: string };
  /** Refuses URLs whose host resolves to a private, loopback or link-local address. */
  assertPublicUrl(url: string): Promise<void>;
  findYouTubeId(url: string): string | null;
  now?(): Date;
}

export interface UploadRequest {
  filename: string;
  fps?: JobOptions['fps'] | undefined;
  force?: boolean | undefined;
  requester?: string | undefined;
}

export interface Created {
  job: Job;
  isReused: boolean;
}

export class JobsService {
  private isReconciling = false;

  constructor(private readonly deps: JobsServiceDeps) {}

  async createFromUrl(request: CreateJobRequest, caller: Caller): Promise<Created> {
    const fps = this.checkFps(request.options?.fps);
    const source = classifyUrl(request.url, this.deps.findYouTubeId);
    if (!this.deps.settings.allowPrivateNetwork) await this.deps.assertPublicUrl(source.url).catch(withPrivateNetworkHint);
    const reuseKey = reuseKeyOfUrl(source, fps);
    const { record, isReused } = this.insertUnlessReusable(request.force === true, reuseKey, caller.workspaceId, () =>
      this.newRecord(source, { fps, reuseKey, requester: request.requester, caller, uploadSha256: null }),
    );
    if (!isReused) await this.enqueue(record);
    return { job: toJob(record, isReused), isReused };
  }

  async createFromUpload(body: Readable, request: UploadRequest, caller: Caller): Promise<Created> {
    const fps = this.checkFps(request.fps);
    const filename = cleanFilename(request.filename);
    const upload = await this.deps.files.receiveUpload(body, filename, this.deps.settings.uploadLimitBytes);
    const reuseKey = reuseKeyOfUpload(upload.sha256, fps);
    const source: ClassifiedSource = { kind: 'upload', label: filename, url: '', videoId: null };
    const { record, isReused } = this.insertUnlessReusable(request.force === true, reuseKey, caller.workspaceId, () =>
      this.newRecord(source, { fps, reuseKey, requester: request.requester, caller, uploadSha256: upload.sha256 }),
    );
    if (isReused) {
      await this.deps.files.discardUpload(upload);
    } else {
      await this.deps.files.adoptUpload(upload, record.id);
      await this.enqueue(record);
    }
    return { job: toJob(record, isReused), isReused };
  }

  get(id: string): Job {
    return toJob(this.getRecord(id));
  }

  getRecord(id: string): JobRecord {
    const record = this.deps.jobs.get(assertJobId(id));
    if (!record) throw notFound(id);
    return record;
  }

  /**
   * Throws job_not_found unless the job exists in the caller's workspace: another workspace's
   * job is answered exactly as a job that never existed, so ids do not leak.
   */
  checkAccess(id: string, caller: Caller): void {
    const workspace = this.deps.jobs.workspaceOf(assertJobId(id));
    if (workspace === null || workspace !== caller.workspaceId) throw notFound(id);
  }

  /** The newest jobs of the caller's workspace. */
  list(options: { limit: number; requester?: string | undefined }, caller: Caller): Job[] {
    return this.deps.jobs.list({ ...options, workspaceId: caller.workspaceId }).map((r) => toJob(r));
  }

  /** Deletes the job and everything derived from it: faces, thumbnails, embeddings, tags, report, upload. */
  async delete(id: string): Promise<void> {
    this.getRecord(id);
    this.deps.jobs.delete(id);
    await this.deps.queue.cancel(id);
    await this.deps.files.removeJob(id);
    this.deps.notifier.publishDeleted(id);
  }

  /** Hands the queue every job the database holds as pending: after a restart, they run (again). */
  async resumePending(): Promise<number> {
    if (this.isReconciling) return 0;
    this.isReconciling = true;
    try {
      const pending = this.deps.jobs.listByStatus(['queued', 'running']);
      await this.deps.queue.reconcile(pending.map(toJobData), (id) => {
        const status = this.deps.jobs.get(id)?.status;
        return status === 'queued' || status === 'running';
      });
      return pending.length;
    } finally {
      this.isReconciling = false;
    }
  }

  /** The queue (shared by every workspace) and the caller's workspace's job count. */
  async status(caller: Caller): Promise<ServiceStatus> {
    const stats = await this.deps.queue.stats();
    const failed = this.deps.jobs.listByStatus(['failed']).length;
    return {
      version: this.deps.settings.version,
      queue: { mode: stats.mode, waiting: stats.waiting, active: stats.active, failed: Math.max(failed, stats.failed), workers: stats.workers },
      jobs: { total: this.deps.jobs.count(caller.workspaceId) },
    };
  }

  private insertUnlessReusable(isForced: boolean, reuseKey: string, workspaceId: string, build: () => JobRecord): { record: JobRecord; isReused: boolean } {
    return this.deps.jobs.transaction(() => {
      const existing = isForced ? null : this.deps.jobs.findReusable(reuseKey, workspaceId);
      if (existing) return { record: existing, isReused: true };
      const record = build();
      this.deps.jobs.insert(record);
      return { record, isReused: false };
    });
  }

  private newRecord(source: ClassifiedSource, fields: { fps: number; reuseKey: string; requester: string | undefined; caller: Caller; uploadSha256: string | null }): JobRecord {
    const now = (this.deps.now?.() ?? new Date()).toISOString();
    const label = fields.requester?.trim();
    const { tokenName } = fields.caller;
    return {
      id: createJobId(),
      workspaceId: fields.caller.workspaceId,
      status: 'queued',
      stage: 'queued',
      percent: 0,
      etaSeconds: null,
      message: 'Waiting for a worker',
      sourceKind: source.kind,
      sourceLabel: source.label,
      sourceUrl: source.kind === 'upload' ? null : source.url,
      videoId: source.videoId,
      uploadSha256: fields.uploadSha256,
      reuseKey: fields.reuseKey,
      fps: fields.fps,
      title: null,
      requester: label ? `${tokenName}:${label}` : tokenName,
      requesterLabel: label || null,
      tokenName,
      errorCode: null,
      errorMessage: null,
      errorHint: null,
      people: null,
      duration: null,
      attempts: 0,
      deliveries: 0,
      createdAt: now,
      updatedAt: now,
    };
  }

  private async enqueue(record: JobRecord): Promise<void> {
    try {
      await this.deps.queue.enqueue(toJobData(record));
    } catch (error) {
      // The job stays queued in the database; the next reconcile hands it to the queue.
      this.deps.notifier.log(`job ${record.id}: could not reach the queue (${error instanceof Error ? error.message : String(error)}); it will be queued when the queue is back`);
    }
  }

  private checkFps(fps: number | undefined): number {
    const { defaultFps, maxFps } = this.deps.settings;
    return resolveOption('fps', fps, { fps: { max: maxFps, default: defaultFps } });
  }
}

export function toJobData(record: JobRecord): AnalysisJobData {
  const source: AnalysisJobData['source'] = record.sourceKind === 'upload' || record.sourceUrl === null
    ? { kind: 'upload', filename: record.sourceLabel }
    : { kind: 'url', url: record.sourceUrl };
  return { jobId: record.id, source, options: { fps: record.fps } };
}

/** The base name of an uploaded file, without control characters, for labels and extensions. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127).join('').trim().slice(0, 200);
  return clean || 'upload';
}

function notFound(id: string): OnscreenError {
  return new OnscreenError('job_not_found', `No job ${id}: it never existed, or it was deleted.`);
}

/** The refusal of a private address names the setting that allows it (the engine's admin sets it). */
function withPrivateNetworkHint(error: unknown): never {
  if (error instanceof OnscreenError && error.code === 'url_private_address' && !error.hint) {
    throw new OnscreenError(error.code, error.message, {
      hint: 'If the video really is on your own network, the engine\'s administrator can allow such addresses with ONSCREEN_ALLOW_PRIVATE_NETWORK=true.',
    });
  }
  throw error;
}
