/**
 * The bot's own state in a small SQLite file: which thread belongs to which job, the ts of
 * each message it keeps up to date (those about speech in speech-posts.store.ts), Slack events
 * already handled (Slack retries an event it
 * thinks was lost), channels that opted in to automatic starts, and who took part where.
 * The only code that touches the database.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisStatus } from '../blocks/home.blocks.js';
import type { PeopleLayout } from '../blocks/people.blocks.js';
import { SCHEMA } from './schema.js';
import { SpeechPostsStore } from './speech-posts.store.js';

export type Trigger = 'message' | 'mention' | 'command' | 'shortcut' | 'unfurl' | 'home';

export interface ThreadRecord {
  id: number;
  channel: string;
  rootTs: string;
  url: string;
  requestedBy: string;
  trigger: Trigger;
  jobId: string | null;
  status: AnalysisStatus;
  title: string | null;
  people: number | null;
  progressTs: string | null;
  permalink: string | null;
  /** The people revision the last charts were made from; null before any. */
  chartsRevision: number | null;
  finishedBy: string | null;
  createdAt: number;
}

export interface NewThread {
  channel: string;
  rootTs: string;
  url: string;
  requestedBy: string;
  trigger: Trigger;
}

interface ThreadRow {
  id: number; channel: string; root_ts: string; url: string; requested_by: string; trigger: Trigger;
  job_id: string | null; status: AnalysisStatus; title: string | null; people: number | null; progress_ts: string | null;
  permalink: string | null; charts_revision: number | null; finished_by: string | null; created_at: number;
}

/** Handled events are forgotten after a day: Slack stops retrying long before. */
const EVENT_MEMORY_MS = 24 * 3600 * 1000;

export class BotStore {
  private readonly db: Database.Database;
  /** What was posted about each thread's speech and voices (issue 14). */
  readonly speech: SpeechPostsStore;

  constructor(dataDir: string, private readonly now: () => number = Date.now) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'bot.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.speech = new SpeechPostsStore(this.db);
  }

  close(): void {
    this.db.close();
  }

  /** True the first time an event key is seen; false for a retry or a duplicate. */
  markEventHandled(key: string): boolean {
    const at = this.now();
    this.db.prepare('DELETE FROM events WHERE seen_at < ?').run(at - EVENT_MEMORY_MS);
    return this.db.prepare('INSERT OR IGNORE INTO events (key, seen_at) VALUES (?, ?)').run(key, at).changes === 1;
  }

  /**
   * The new thread, or null when this message already asked for this video (a duplicate
   * trigger). With `isRetry`, a thread whose analysis failed is claimed again (a person
   * pressed a button again); events about the same message never retry.
   */
  claimThread(thread: NewThread, isRetry = false): ThreadRecord | null {
    const at = this.now();
    const inserted = this.db
      .prepare(`INSERT OR IGNORE INTO threads (channel, root_ts, url, requested_by, trigger, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'starting', ?, ?)`)
      .run(thread.channel, thread.rootTs, thread.url, thread.requestedBy, thread.trigger, at, at);
    let id = inserted.changes === 1 ? Number(inserted.lastInsertRowid) : null;
    if (id === null && isRetry) {
      const retried = this.db
        .prepare(`UPDATE threads SET status = 'starting', job_id = NULL, requested_by = ?, updated_at = ?
                  WHERE channel = ? AND root_ts = ? AND url = ? AND status = 'failed' RETURNING id`)
        .get(thread.requestedBy, at, thread.channel, thread.rootTs, thread.url) as { id: number } | undefined;
      id = retried?.id ?? null;
    }
    if (id === null) return null;
    this.addParticipant(id, thread.requestedBy);
    return this.getThread(id);
  }

  getThread(id: number): ThreadRecord | null {
    const row = this.db.prepare('SELECT * FROM threads WHERE id = ?').get(id) as ThreadRow | undefined;
    return row ? toRecord(row) : null;
  }

  findThread(channel: string, rootTs: string, url: string): ThreadRecord | null {
    const row = this.db.prepare('SELECT * FROM threads WHERE channel = ? AND root_ts = ? AND url = ?').get(channel, rootTs, url) as ThreadRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Every thread following a job (the same video asked for in several places shares one job). */
  threadsForJob(jobId: string): ThreadRecord[] {
    return (this.db.prepare('SELECT * FROM threads WHERE job_id = ? ORDER BY id').all(jobId) as ThreadRow[]).map(toRecord);
  }

  /** Threads whose analysis was still running, to follow again after a restart. */
  unfinishedThreads(): ThreadRecord[] {
    return (this.db.prepare(`SELECT * FROM threads WHERE status IN ('starting', 'analysing') AND job_id IS NOT NULL ORDER BY id`).all() as ThreadRow[]).map(toRecord);
  }

  updateThread(id: number, fields: Partial<Pick<ThreadRecord, 'jobId' | 'status' | 'title' | 'people' | 'progressTs' | 'permalink' | 'finishedBy'>>): void {
    const columns: Record<string, string> = { jobId: 'job_id', status: 'status', title: 'title', people: 'people', progressTs: 'progress_ts', permalink: 'permalink', finishedBy: 'finished_by' };
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${columns[k]} = ?`).join(', ');
    this.db.prepare(`UPDATE threads SET ${sets}, updated_at = ? WHERE id = ?`).run(...entries.map(([, v]) => v), this.now(), id);
  }

  /**
   * Claims the posting of charts made from `revision`: true for exactly one caller per
   * revision, so a double click or two people pressing Finish at once post the charts once.
   */
  claimCharts(id: number, revision: number): boolean {
    return this.db
      .prepare('UPDATE threads SET charts_revision = ?, updated_at = ? WHERE id = ? AND (charts_revision IS NULL OR charts_revision <> ?)')
      .run(revision, this.now(), id, revision).changes === 1;
  }

  /** Gives a claim back when posting failed, so pressing Finish again retries. */
  releaseCharts(id: number, revision: number): void {
    this.db.prepare('UPDATE threads SET charts_revision = NULL WHERE id = ? AND charts_revision = ?').run(id, revision);
  }

  getPages(threadId: number): Map<number, string> {
    const rows = this.db.prepare('SELECT page, ts FROM pages WHERE thread_id = ? ORDER BY page').all(threadId) as { page: number; ts: string }[];
    return new Map(rows.map((r) => [r.page, r.ts]));
  }

  setPage(threadId: number, page: number, ts: string): void {
    this.db.prepare('INSERT INTO pages (thread_id, page, ts) VALUES (?, ?, ?) ON CONFLICT (thread_id, page) DO UPDATE SET ts = excluded.ts').run(threadId, page, ts);
  }

  /** The layout someone chose for the thread's tagging messages, or null (the default for its size). */
  getLayout(threadId: number): PeopleLayout | null {
    const row = this.db.prepare('SELECT layout FROM layouts WHERE thread_id = ?').get(threadId) as { layout: PeopleLayout } | undefined;
    return row?.layout ?? null;
  }

  setLayout(threadId: number, layout: PeopleLayout): void {
    this.db.prepare('INSERT INTO layouts (thread_id, layout) VALUES (?, ?) ON CONFLICT (thread_id) DO UPDATE SET layout = excluded.layout').run(threadId, layout);
  }

  addParticipant(threadId: number, user: string): void {
    this.db.prepare('INSERT OR IGNORE INTO participants (thread_id, user) VALUES (?, ?)').run(threadId, user);
  }

  participants(threadId: number): string[] {
    return (this.db.prepare('SELECT user FROM participants WHERE thread_id = ? ORDER BY user').all(threadId) as { user: string }[]).map((r) => r.user);
  }

  /** The user's own requests, newest first. */
  recentForUser(user: string, limit: number): ThreadRecord[] {
    return (this.db.prepare('SELECT * FROM threads WHERE requested_by = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(user, limit) as ThreadRow[]).map(toRecord);
  }

  /** Recent analyses in every channel where the user asked for or tagged one, newest first. */
  recentInUserChannels(user: string, limit: number): ThreadRecord[] {
    return (this.db.prepare(`SELECT * FROM threads WHERE channel IN (
        SELECT t.channel FROM threads t JOIN participants p ON p.thread_id = t.id WHERE p.user = ?)
      ORDER BY created_at DESC, id DESC LIMIT ?`).all(user, limit) as ThreadRow[]).map(toRecord);
  }

  /** Jobs analysed in a channel's threads started since `since` (ms): what the channel's collection in the engine should hold. */
  analysedJobsInChannel(channel: string, since: number): string[] {
    return this.db
      .prepare(`SELECT DISTINCT job_id FROM threads WHERE channel = ? AND job_id IS NOT NULL AND status IN ('tagging', 'done') AND created_at >= ? ORDER BY job_id`)
      .pluck()
      .all(channel, since) as string[];
  }

  setOptIn(channel: string, isOn: boolean, by: string): void {
    if (isOn) this.db.prepare('INSERT OR REPLACE INTO opt_ins (channel, by, at) VALUES (?, ?, ?)').run(channel, by, this.now());
    else this.db.prepare('DELETE FROM opt_ins WHERE channel = ?').run(channel);
  }

  isOptedIn(channel: string): boolean {
    return this.db.prepare('SELECT 1 FROM opt_ins WHERE channel = ?').get(channel) !== undefined;
  }
}

function toRecord(row: ThreadRow): ThreadRecord {
  return {
    id: row.id, channel: row.channel, rootTs: row.root_ts, url: row.url, requestedBy: row.requested_by, trigger: row.trigger,
    jobId: row.job_id, status: row.status, title: row.title, people: row.people, progressTs: row.progress_ts,
    permalink: row.permalink, chartsRevision: row.charts_revision, finishedBy: row.finished_by, createdAt: row.created_at,
  };
}
