/** The bot store's tables. Additive changes only: add a column with a default, never drop one. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS threads (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  root_ts TEXT NOT NULL,
  url TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  trigger TEXT NOT NULL,
  job_id TEXT,
  status TEXT NOT NULL,
  title TEXT,
  people INTEGER,
  progress_ts TEXT,
  permalink TEXT,
  charts_revision INTEGER,
  finished_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (channel, root_ts, url)
);
CREATE INDEX IF NOT EXISTS threads_job ON threads (job_id);
CREATE INDEX IF NOT EXISTS threads_requester ON threads (requested_by, created_at);
CREATE TABLE IF NOT EXISTS pages (
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  page INTEGER NOT NULL,
  ts TEXT NOT NULL,
  PRIMARY KEY (thread_id, page)
);
CREATE TABLE IF NOT EXISTS participants (
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  user TEXT NOT NULL,
  PRIMARY KEY (thread_id, user)
);
CREATE TABLE IF NOT EXISTS events (
  key TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS opt_ins (
  channel TEXT PRIMARY KEY,
  by TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS speech_posts (
  thread_id INTEGER PRIMARY KEY REFERENCES threads (id),
  state TEXT NOT NULL,
  speakers_ts TEXT
);
CREATE TABLE IF NOT EXISTS voice_posts (
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  voice TEXT NOT NULL,
  ts TEXT,
  PRIMARY KEY (thread_id, voice)
);
CREATE TABLE IF NOT EXISTS layouts (
  thread_id INTEGER PRIMARY KEY REFERENCES threads (id),
  layout TEXT NOT NULL
);
`;
