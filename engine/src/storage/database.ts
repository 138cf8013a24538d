/**
 * The service's SQLite database (better-sqlite3): jobs, API tokens and the signing secret's
 * home folder. Analysis results and tagging edits live in each job's analysis folder
 * (`<dataDir>/jobs/<id>/`), the one format the CLI and the service share.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/** Ordered migrations; each runs once, in a transaction, and bumps `user_version`. */
const MIGRATIONS: string[] = [
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
];

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'onscreen.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
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
