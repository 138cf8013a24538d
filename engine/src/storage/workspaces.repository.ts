/** Workspaces: the unit of access. Tokens, jobs and share links (later collections and the people library) carry a `workspace_id`. */
import type { Db } from './database.js';

export interface WorkspaceRecord {
  id: string;
  createdAt: string;
  /** Active (not revoked) tokens. */
  tokens: number;
  jobs: number;
}

export class WorkspacesRepository {
  constructor(private readonly db: Db) {}

  /** Returns false when it exists already. */
  insert(id: string, now: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO workspaces (id, created_at) VALUES (?, ?)').run(id, now).changes > 0;
  }

  list(): WorkspaceRecord[] {
    return this.db
      .prepare(
        `SELECT w.id, w.created_at AS createdAt,
           (SELECT COUNT(*) FROM tokens t WHERE t.workspace_id = w.id AND t.revoked_at IS NULL) AS tokens,
           (SELECT COUNT(*) FROM jobs j WHERE j.workspace_id = w.id) AS jobs
         FROM workspaces w ORDER BY w.created_at, w.id`,
      )
      .all() as WorkspaceRecord[];
  }
}
