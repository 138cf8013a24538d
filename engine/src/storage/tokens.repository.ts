/** API tokens: only a SHA-256 hash of each token is stored, never the token itself. */
import type { TokenInfo } from '../../../shared/src/api/types.js';
import type { Db } from './database.js';

/** A token's row as the API shows it: name, workspace, role, dates; never the token. */
export type TokenRecord = TokenInfo;

/** Who a valid token is: its name, workspace and role. */
export type TokenIdentity = Pick<TokenRecord, 'name' | 'workspaceId' | 'isAdmin'>;

const SELECT = `SELECT name, workspace_id AS workspaceId, is_admin AS isAdmin, created_at AS createdAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM tokens`;

type Row = Omit<TokenRecord, 'isAdmin'> & { isAdmin: number };
const toRecord = (row: Row): TokenRecord => ({ ...row, isAdmin: row.isAdmin === 1 });

export class TokensRepository {
  constructor(private readonly db: Db) {}

  /** Returns false if an active token already has this name. A revoked name may be reused. */
  insert(token: { name: string; hash: string; workspaceId: string; isAdmin: boolean }, now: string): boolean {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT revoked_at FROM tokens WHERE name = ?').get(token.name) as { revoked_at: string | null } | undefined;
      if (existing && existing.revoked_at === null) return false;
      this.db.prepare('DELETE FROM tokens WHERE name = ?').run(token.name);
      this.db.prepare('INSERT OR IGNORE INTO workspaces (id, created_at) VALUES (?, ?)').run(token.workspaceId, now);
      this.db
        .prepare('INSERT INTO tokens (name, hash, workspace_id, is_admin, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(token.name, token.hash, token.workspaceId, token.isAdmin ? 1 : 0, now);
      return true;
    })();
  }

  /** The active token with this hash, or null. */
  findActiveByHash(hash: string): TokenIdentity | null {
    const row = this.db
      .prepare('SELECT name, workspace_id AS workspaceId, is_admin AS isAdmin FROM tokens WHERE hash = ? AND revoked_at IS NULL')
      .get(hash) as (Omit<TokenIdentity, 'isAdmin'> & { isAdmin: number }) | undefined;
    return row ? { ...row, isAdmin: row.isAdmin === 1 } : null;
  }

  touch(name: string, now: string): void {
    this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE name = ?').run(now, name);
  }

  /** Every token, or those of one workspace. */
  list(workspaceId?: string): TokenRecord[] {
    const rows = workspaceId === undefined
      ? this.db.prepare(`${SELECT} ORDER BY created_at`).all()
      : this.db.prepare(`${SELECT} WHERE workspace_id = ? ORDER BY created_at`).all(workspaceId);
    return (rows as Row[]).map(toRecord);
  }

  revoke(name: string, now: string): boolean {
    return this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now, name).changes > 0;
  }
}
