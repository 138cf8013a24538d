/**
 * The service's SQLite database (better-sqlite3): workspaces, jobs, API tokens, share links
 * and the signing secret's home folder. Analysis results and tagging edits live in each job's analysis folder
 * (`<dataDir>/jobs/<id>/`), the one format the CLI and the service share.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/** Ordered migrations; each runs once, in a transaction, and bumps `user_version`. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     stage TEXT NOT NULL,
     percent REAL NOT NULL DEFAULT 0,
     eta_seconds REAL,
     message TEXT NOT NULL DEFAULT '',
     source_kind TEXT NOT NULL,
     source_label TEXT NOT NULL,
     source_url TEXT,
     video_id TEXT,
     upload_sha256 TEXT,
     reuse_key TEXT NOT NULL,
     fps REAL NOT NULL,
     title TEXT,
     requester TEXT,
     requester_label TEXT,
     token_name TEXT,
     error_code TEXT,
     error_message TEXT,
     error_hint TEXT,
     people INTEGER,
     duration REAL,
     attempts INTEGER NOT NULL DEFAULT 0,
     deliveries INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX jobs_reuse ON jobs (reuse_key, status);
   CREATE INDEX jobs_created ON jobs (created_at);
   CREATE INDEX jobs_status ON jobs (status);
   CREATE INDEX jobs_requester ON jobs (requester_label);
   CREATE TABLE tokens (
     name TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     last_used_at TEXT,
     revoked_at TEXT
   );`,
  // Collections (reports across videos) and the per-job summaries they are built from, kept current
  // as jobs finish and their tags change. A deleted job leaves every collection it was in.
  `CREATE TABLE job_summaries (
     job_id TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
     summary TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE collections (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL,
     -- The playlist or channel link it was made from, and the videos of it that could not be analysed (JSON).
     source TEXT,
     skipped TEXT NOT NULL DEFAULT '[]'
   );
   CREATE TABLE collection_jobs (
     collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
     job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
     added_at TEXT NOT NULL,
     PRIMARY KEY (collection_id, job_id)
   );
   CREATE INDEX collection_jobs_job ON collection_jobs (job_id);`,
  // The people library (issue 9): one row per person (face signatures inside `data`), its thumbnail,
  // and per workspace the embedding model and the next id. Each row belongs to a workspace.
  `CREATE TABLE library_people (
     workspace TEXT NOT NULL DEFAULT 'default',
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     thumbnail BLOB,
     PRIMARY KEY (workspace, id)
   );
   CREATE TABLE library_meta (
     workspace TEXT PRIMARY KEY,
     model TEXT,
     next_id INTEGER NOT NULL
   );`,
  // Workspaces: every token and every job belongs to one; what was there before goes to "default".
  // Collections carry the same `workspace_id` column (the people library will too).
  // Share links: read-only, expiring, revocable links to a job's (later a collection's) report.
  `CREATE TABLE workspaces (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL
   );
   INSERT INTO workspaces (id, created_at) VALUES ('default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
   ALTER TABLE tokens ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'default';
   ALTER TABLE tokens ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE jobs ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'default';
   CREATE INDEX jobs_workspace ON jobs (workspace_id, created_at);
   ALTER TABLE collections ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'default';
   CREATE TABLE share_links (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspaces (id),
     resource_kind TEXT NOT NULL CHECK (resource_kind IN ('job', 'collection')),
     resource_id TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX share_links_resource ON share_links (resource_kind, resource_id);
   CREATE TRIGGER jobs_delete_share_links AFTER DELETE ON jobs BEGIN
     DELETE FROM share_links WHERE resource_kind = 'job' AND resource_id = OLD.id;
   END;`,
  // Collections a client finds again by its own key (a Slack channel's, a YouTube channel's), the
  // summaries of a YouTube channel's videos, found by the channel's id or handle (issue 9), and a
  // collection's share links going with it.
  `ALTER TABLE collections ADD COLUMN lookup_key TEXT;
   CREATE UNIQUE INDEX collections_lookup_key ON collections (workspace_id, lookup_key) WHERE lookup_key IS NOT NULL;
   ALTER TABLE job_summaries ADD COLUMN channel_id TEXT;
   ALTER TABLE job_summaries ADD COLUMN channel_handle TEXT;
   CREATE INDEX job_summaries_channel_id ON job_summaries (channel_id) WHERE channel_id IS NOT NULL;
   CREATE INDEX job_summaries_channel_handle ON job_summaries (channel_handle) WHERE channel_handle IS NOT NULL;
   CREATE TRIGGER collections_delete_share_links AFTER DELETE ON collections BEGIN
     DELETE FROM share_links WHERE resource_kind = 'collection' AND resource_id = OLD.id;
   END;`,
];

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'onscreen.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, not left readable in free pages (issue 10): removing a job
  // or a library person (biometric data) leaves no trace in the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

/**
 * After a deletion: copies the WAL into the database (where secure_delete has zeroed the rows)
 * and empties it, so that no earlier version of a deleted row stays in the WAL file.
 */
export function forgetDeletedPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
