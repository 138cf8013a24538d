/** Collections (named sets of jobs) and the per-job summaries that collection reports are built from. */
import type { VideoSummary } from '../../../shared/src/collection.js';
import { handleKey } from '../../../shared/src/youtube-channel.js';
import { forgetDeletedPages, type Db } from './database.js';

export interface SkippedVideo {
  videoId: string;
  title: string | null;
  reason: string;
}

export interface CollectionRecord {
  id: string;
  /** Every collection belongs to one workspace; only its tokens see it. */
  workspaceId: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  /** The playlist or channel link it was made from, or null. */
  source: string | null;
  /** Videos of that list that could not be analysed. */
  skipped: SkippedVideo[];
  /** The client's own key to find it again (`slack-channel:T…:C…`, `youtube-channel:UC…`), unique in a workspace; or null. */
  key: string | null;
  jobIds: string[];
}

type Row = Omit<CollectionRecord, 'jobIds' | 'skipped'> & { skipped: string };
const SELECT = 'SELECT id, workspace_id AS workspaceId, name, created_by AS createdBy, created_at AS createdAt, source, skipped, lookup_key AS key FROM collections';

export class CollectionsRepository {
  constructor(private readonly db: Db) {}

  insert(record: Omit<CollectionRecord, 'jobIds'>): void {
    this.db
      .prepare('INSERT INTO collections (id, workspace_id, name, created_by, created_at, source, skipped, lookup_key) VALUES (@id, @workspaceId, @name, @createdBy, @createdAt, @source, @skipped, @key)')
      .run({ ...record, skipped: JSON.stringify(record.skipped) });
  }

  get(id: string): CollectionRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
    return row ? this.toRecord(row) : null;
  }

  findByKey(workspaceId: string, key: string): CollectionRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE workspace_id = ? AND lookup_key = ?`).get(workspaceId, key) as Row | undefined;
    return row ? this.toRecord(row) : null;
  }

  list(workspaceId: string): CollectionRecord[] {
    return (this.db.prepare(`${SELECT} WHERE workspace_id = ? ORDER BY created_at DESC, id`).all(workspaceId) as Row[]).map((row) => this.toRecord(row));
  }

  private toRecord(row: Row): CollectionRecord {
    return { ...row, skipped: JSON.parse(row.skipped) as SkippedVideo[], jobIds: this.jobIds(row.id) };
  }

  rename(id: string, name: string): boolean {
    return this.db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, id).changes > 0;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes > 0;
  }

  addJobs(id: string, jobIds: readonly string[], now: string): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO collection_jobs (collection_id, job_id, added_at) VALUES (?, ?, ?)');
    this.db.transaction(() => jobIds.forEach((jobId) => insert.run(id, jobId, now)))();
  }

  removeJob(id: string, jobId: string): boolean {
    return this.db.prepare('DELETE FROM collection_jobs WHERE collection_id = ? AND job_id = ?').run(id, jobId).changes > 0;
  }

  /** The collection's jobs added on or after `since` (an ISO time). */
  jobIdsAddedSince(id: string, since: string): string[] {
    return this.db.prepare('SELECT job_id FROM collection_jobs WHERE collection_id = ? AND added_at >= ? ORDER BY added_at, job_id').pluck().all(id, since) as string[];
  }

  private jobIds(id: string): string[] {
    return this.db.prepare('SELECT job_id FROM collection_jobs WHERE collection_id = ? ORDER BY added_at, job_id').pluck().all(id) as string[];
  }

  /**
   * Stores a job's summary. When the new one no longer names someone the old one named (a library
   * person removed, a name taken back), the old version is pushed out of the WAL and the file's
   * free space at once, as after a deletion: it held who was in the video.
   */
  saveSummary(jobId: string, summary: VideoSummary, now: string): void {
    const before = this.db.prepare('SELECT summary FROM job_summaries WHERE job_id = ?').pluck().get(jobId) as string | undefined;
    this.db
      .prepare(
        `INSERT INTO job_summaries (job_id, summary, updated_at, channel_id, channel_handle) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (job_id) DO UPDATE SET summary = excluded.summary, updated_at = excluded.updated_at, channel_id = excluded.channel_id, channel_handle = excluded.channel_handle`,
      )
      .run(jobId, JSON.stringify(summary), now, summary.channel?.id ?? null, summary.channel?.handle ? handleKey(summary.channel.handle) : null);
    if (before !== undefined && dropsIdentity(JSON.parse(before) as VideoSummary, summary)) forgetDeletedPages(this.db);
  }

  /** The workspace's jobs whose video is on this YouTube channel (by id or by handle), oldest summary first. */
  jobsOfChannel(workspaceId: string, channel: { id: string | null; handle: string | null }): string[] {
    const handle = channel.handle ? handleKey(channel.handle) : null;
    return this.db
      .prepare(
        `SELECT s.job_id FROM job_summaries s JOIN jobs j ON j.id = s.job_id
         WHERE j.workspace_id = ? AND ((? IS NOT NULL AND s.channel_id = ?) OR (? IS NOT NULL AND s.channel_handle = ?)) ORDER BY s.updated_at, s.job_id`,
      )
      .pluck()
      .all(workspaceId, channel.id, channel.id, handle, handle) as string[];
  }

  /** The stored summaries of these jobs (jobs without one are left out). */
  summaries(jobIds: readonly string[]): Map<string, VideoSummary> {
    const found = new Map<string, VideoSummary>();
    const select = this.db.prepare('SELECT summary FROM job_summaries WHERE job_id = ?').pluck();
    for (const jobId of jobIds) {
      const text = select.get(jobId) as string | undefined;
      if (text) found.set(jobId, JSON.parse(text) as VideoSummary);
    }
    return found;
  }
}

/** Whether a name or library person of the old summary is gone from the new one. */
function dropsIdentity(before: VideoSummary, after: VideoSummary): boolean {
  const identities = (summary: VideoSummary) => summary.persons.flatMap((p) => [p.name === null ? [] : [`name:${p.name}`], p.libraryPerson === null ? [] : [`library:${p.libraryPerson}`]].flat());
  const kept = new Set(identities(after));
  return identities(before).some((identity) => !kept.has(identity));
}
