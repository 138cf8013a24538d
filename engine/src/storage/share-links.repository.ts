/** Share links: read-only, expiring, revocable links to a job's report (and later a collection's). */
import type { Db } from './database.js';

export type ShareResourceKind = 'job' | 'collection';

export interface ShareLinkRecord {
  id: string;
  workspaceId: string;
  resourceKind: ShareResourceKind;
  resourceId: string;
  /** The client (token name) that made it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

const SELECT = `SELECT id, workspace_id AS workspaceId, resource_kind AS resourceKind, resource_id AS resourceId,
  created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt FROM share_links`;

export class ShareLinksRepository {
  constructor(private readonly db: Db) {}

  insert(link: ShareLinkRecord): void {
    this.db
      .prepare(
        `INSERT INTO share_links (id, workspace_id, resource_kind, resource_id, created_by, created_at, expires_at, revoked_at)
         VALUES (@id, @workspaceId, @resourceKind, @resourceId, @createdBy, @createdAt, @expiresAt, @revokedAt)`,
      )
      .run(link);
  }

  get(id: string): ShareLinkRecord | null {
    return (this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as ShareLinkRecord | undefined) ?? null;
  }

  /** The links of one resource in one workspace, newest first. */
  listFor(workspaceId: string, kind: ShareResourceKind, resourceId: string): ShareLinkRecord[] {
    return this.db
      .prepare(`${SELECT} WHERE workspace_id = ? AND resource_kind = ? AND resource_id = ? ORDER BY created_at DESC, id`)
      .all(workspaceId, kind, resourceId) as ShareLinkRecord[];
  }

  revoke(id: string, now: string): boolean {
    return this.db.prepare('UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
  }

  /** Drops the links of a resource (a collection deleted; jobs' links go by a trigger). */
  deleteFor(kind: ShareResourceKind, resourceId: string): void {
    this.db.prepare('DELETE FROM share_links WHERE resource_kind = ? AND resource_id = ?').run(kind, resourceId);
  }
}
