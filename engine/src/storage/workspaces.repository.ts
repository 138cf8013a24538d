/** Workspaces: the unit of access. Tokens, jobs and share links (later collections and the people library) carry a `workspace_id`. */
import { forgetDeletedPages, type Db } from './database.js';

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

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').pluck().get(id) === 1;
  }

  /** Stops every token of the workspace at once (its deletion then runs without new work arriving). */
  revokeTokens(id: string, now: string): number {
    return this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE workspace_id = ? AND revoked_at IS NULL').run(now, id).changes;
  }

  /**
   * Deletes the workspace's own rows: its tokens, share links, people library and the workspace
   * itself (its jobs and collections go first, through their services). Deleted rows are zeroed
   * (secure_delete) and the WAL folded in, as after a job's deletion.
   */
  deleteRows(id: string): { tokens: number } {
    const tokens = this.db.transaction(() => {
      const count = this.db.prepare('DELETE FROM tokens WHERE workspace_id = ?').run(id).changes;
      this.db.prepare('DELETE FROM share_links WHERE workspace_id = ?').run(id);
      this.db.prepare('DELETE FROM library_people WHERE workspace = ?').run(id);
      this.db.prepare('DELETE FROM library_meta WHERE workspace = ?').run(id);
      this.db.prepare('DELETE FROM workspaces WHERE id = ?').run(id);
      return count;
    })();
    forgetDeletedPages(this.db);
    return { tokens };
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
