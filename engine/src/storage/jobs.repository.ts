/** The jobs table: one row per analysis job, its progress, outcome and where it came from. */
import type { JobSource, JobStage, JobStatus } from '../../../shared/src/api/types.js';
import type { JobOptions } from '../contracts/job-options.js';
import { forgetDeletedPages, type Db } from './database.js';

export interface JobRecord {
  id: string;
  /** The workspace the job belongs to: only its tokens see or change it. */
  workspaceId: string;
  status: JobStatus;
  stage: JobStage;
  percent: number;
  etaSeconds: number | null;
  message: string;
  sourceKind: JobSource['kind'];
  sourceLabel: string;
  /** The URL to analyse (user URL jobs); null for uploads. Never a local path. */
  sourceUrl: string | null;
  videoId: string | null;
  uploadSha256: string | null;
  /** Same video + same options → same key; lets a request reuse a job. */
  reuseKey: string;
  fps: JobOptions['fps'];
  title: string | null;
  /** Who asked: the token's name and the client's label ("extension", "slack-bot:slack:U123"). */
  requester: string | null;
  /** The client's own label alone (e.g. a Slack user id), for filtering. */
  requesterLabel: string | null;
  tokenName: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  errorHint: string | null;
  people: number | null;
  duration: number | null;
  /** Analysis attempts started (in-process runner's retry count). */
  attempts: number;
  /** Results received for this job; more than 1 would mean work was duplicated. */
  deliveries: number;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS: Record<keyof JobRecord, string> = {
  id: 'id', workspaceId: 'workspace_id', status: 'status', stage: 'stage', percent: 'percent', etaSeconds: 'eta_seconds', message: 'message',
  sourceKind: 'source_kind', sourceLabel: 'source_label', sourceUrl: 'source_url', videoId: 'video_id',
  uploadSha256: 'upload_sha256', reuseKey: 'reuse_key', fps: 'fps', title: 'title', requester: 'requester', requesterLabel: 'requester_label',
  tokenName: 'token_name', errorCode: 'error_code', errorMessage: 'error_message', errorHint: 'error_hint',
  people: 'people', duration: 'duration', attempts: 'attempts', deliveries: 'deliveries',
  createdAt: 'created_at', updatedAt: 'updated_at',
};
const SELECT = `SELECT ${Object.entries(COLUMNS).map(([key, column]) => `${column} AS ${key}`).join(', ')} FROM jobs`;

export class JobsRepository {
  constructor(private readonly db: Db) {}

  insert(job: JobRecord): void {
    const keys = Object.keys(COLUMNS) as (keyof JobRecord)[];
    this.db
      .prepare(`INSERT INTO jobs (${keys.map((k) => COLUMNS[k]).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`)
      .run(job);
  }

  get(id: string): JobRecord | null {
    return (this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as JobRecord | undefined) ?? null;
  }

  /** Updates the given fields (and updated_at); returns the new row, or null if the job is gone. */
  update(id: string, fields: Partial<Omit<JobRecord, 'id' | 'createdAt'>>, now = new Date().toISOString()): JobRecord | null {
    const entries = Object.entries({ ...fields, updatedAt: now }).filter(([key]) => key in COLUMNS);
    const assignments = entries.map(([key]) => `${COLUMNS[key as keyof JobRecord]} = @${key}`).join(', ');
    this.db.prepare(`UPDATE jobs SET ${assignments} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
    return this.get(id);
  }

  /** Runs `fn` in one transaction: a check and the write that depends on it cannot interleave. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  incrementDeliveries(id: string): void {
    this.db.prepare('UPDATE jobs SET deliveries = deliveries + 1 WHERE id = ?').run(id);
  }

  /** The newest job of the workspace with this reuse key that has not failed (another workspace's job is never reused). */
  findReusable(reuseKey: string, workspaceId: string): JobRecord | null {
    const row = this.db
      .prepare(`${SELECT} WHERE reuse_key = ? AND workspace_id = ? AND status != 'failed' ORDER BY created_at DESC LIMIT 1`)
      .get(reuseKey, workspaceId) as JobRecord | undefined;
    return row ?? null;
  }

  /** The newest jobs of one workspace, optionally of one requester. */
  list(options: { workspaceId: string; limit: number; requester?: string | undefined }): JobRecord[] {
    if (options.requester !== undefined) {
      const r = options.requester;
      return this.db
        .prepare(`${SELECT} WHERE workspace_id = ? AND (requester = ? OR requester_label = ? OR token_name = ?) ORDER BY created_at DESC, id LIMIT ?`)
        .all(options.workspaceId, r, r, r, options.limit) as JobRecord[];
    }
    return this.db.prepare(`${SELECT} WHERE workspace_id = ? ORDER BY created_at DESC, id LIMIT ?`).all(options.workspaceId, options.limit) as JobRecord[];
  }

  /** The job's workspace, or null if there is no such job. */
  /** Every job of a workspace, whatever its status. */
  idsOf(workspaceId: string): string[] {
    return this.db.prepare('SELECT id FROM jobs WHERE workspace_id = ? ORDER BY created_at').pluck().all(workspaceId) as string[];
  }

  workspaceOf(id: string): string | null {
    return (this.db.prepare('SELECT workspace_id FROM jobs WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  listByStatus(statuses: JobStatus[]): JobRecord[] {
    const marks = statuses.map(() => '?').join(', ');
    return this.db.prepare(`${SELECT} WHERE status IN (${marks}) ORDER BY created_at, id`).all(...statuses) as JobRecord[];
  }

  listCreatedBefore(isoTime: string): JobRecord[] {
    return this.db.prepare(`${SELECT} WHERE created_at < ? ORDER BY created_at`).all(isoTime) as JobRecord[];
  }

  listIds(): Set<string> {
    return new Set((this.db.prepare('SELECT id FROM jobs').pluck().all() as string[]));
  }

  /** Jobs of one workspace, or of all. */
  count(workspaceId?: string): number {
    if (workspaceId !== undefined) return this.db.prepare('SELECT COUNT(*) FROM jobs WHERE workspace_id = ?').pluck().get(workspaceId) as number;
    return this.db.prepare('SELECT COUNT(*) FROM jobs').pluck().get() as number;
  }

  delete(id: string): boolean {
    const isDeleted = this.db.prepare('DELETE FROM jobs WHERE id = ?').run(id).changes > 0;
    if (isDeleted) forgetDeletedPages(this.db);
    return isDeleted;
  }

  /** A trivial query: whether the database answers (readiness). */
  isHealthy(): boolean {
    return this.db.prepare('SELECT 1').pluck().get() === 1;
  }
}
