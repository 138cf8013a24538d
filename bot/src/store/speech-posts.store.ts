/**
 * What the bot has posted about a thread's speech (issue 14), kept across restarts: whether the
 * posting started and finished, the ts of the "Who speaks" message, and the ts of each voice's
 * message. A restart finishes an interrupted posting without posting anything twice.
 */
import type Database from 'better-sqlite3';

export type SpeechPostState = 'posting' | 'posted';

export class SpeechPostsStore {
  constructor(private readonly db: Database.Database) {}

  /** Claims the thread's speech posting: true for exactly one caller, ever. */
  claim(threadId: number): boolean {
    return this.db.prepare(`INSERT OR IGNORE INTO speech_posts (thread_id, state) VALUES (?, 'posting')`).run(threadId).changes === 1;
  }

  state(threadId: number): SpeechPostState | null {
    return (this.db.prepare('SELECT state FROM speech_posts WHERE thread_id = ?').pluck().get(threadId) as SpeechPostState | undefined) ?? null;
  }

  finish(threadId: number): void {
    this.db.prepare(`UPDATE speech_posts SET state = 'posted' WHERE thread_id = ?`).run(threadId);
  }

  /** Threads whose speech posting started but did not finish (the bot stopped, or Slack refused). */
  unfinished(): number[] {
    return this.db.prepare(`SELECT thread_id FROM speech_posts WHERE state = 'posting' ORDER BY thread_id`).pluck().all() as number[];
  }

  speakersTs(threadId: number): string | null {
    return (this.db.prepare('SELECT speakers_ts FROM speech_posts WHERE thread_id = ?').pluck().get(threadId) as string | null | undefined) ?? null;
  }

  setSpeakersTs(threadId: number, ts: string): void {
    this.db.prepare('UPDATE speech_posts SET speakers_ts = ? WHERE thread_id = ?').run(ts, threadId);
  }

  /** The ts of each voice message posted in the thread. */
  voiceMessages(threadId: number): Map<string, string> {
    const rows = this.db.prepare('SELECT voice, ts FROM voice_posts WHERE thread_id = ? AND ts IS NOT NULL').all(threadId) as { voice: string; ts: string }[];
    return new Map(rows.map((r) => [r.voice, r.ts]));
  }

  setVoiceTs(threadId: number, voice: string, ts: string): void {
    this.db.prepare('INSERT INTO voice_posts (thread_id, voice, ts) VALUES (?, ?, ?) ON CONFLICT (thread_id, voice) DO UPDATE SET ts = excluded.ts').run(threadId, voice, ts);
  }
}
