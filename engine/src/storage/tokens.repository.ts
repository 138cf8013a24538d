/** API tokens: only a SHA-256 hash of each token is stored, never the token itself. */
import type { Db } from './database.js';

export interface TokenRecord {
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const SELECT = 'SELECT name, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM tokens';

export class TokensRepository {
  constructor(private readonly db: Db) {}

  /** Returns false if an active token already has this name. A revoked name may be reused. */
  insert(name: string, hash: string, now: string): boolean {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT revoked_at FROM tokens WHERE name = ?').get(name) as { revoked_at: string | null } | undefined;
      if (existing && existing.revoked_at === null) return false;
      this.db.prepare('DELETE FROM tokens WHERE name = ?').run(name);
      this.db.prepare('INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)').run(name, hash, now);
      return true;
    })();
  }

  /** The active token's name for this hash, or null. */
  findActiveByHash(hash: string): string | null {
    return (this.db.prepare('SELECT name FROM tokens WHERE hash = ? AND revoked_at IS NULL').pluck().get(hash) as string | undefined) ?? null;
  }

  touch(name: string, now: string): void {
    this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE name = ?').run(now, name);
  }

  list(): TokenRecord[] {
    return this.db.prepare(`${SELECT} ORDER BY created_at`).all() as TokenRecord[];
  }

  revoke(name: string, now: string): boolean {
    return this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now, name).changes > 0;
  }
}
