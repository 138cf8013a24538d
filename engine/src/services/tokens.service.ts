/**
 * API tokens: `ons_` + 32 random bytes. Shown once when created; only their SHA-256 is kept.
 * Each client (the extension, the Slack bot, a newsroom's script) gets its own, by name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { TokenRecord, TokensRepository } from '../storage/tokens.repository.js';

const NAME_PATTERN = /^[A-Za-z0-9][\w.-]{0,63}$/;
const TOKEN_PATTERN = /^ons_[A-Za-z0-9_-]{43}$/;

export class TokensService {
  constructor(private readonly tokens: TokensRepository, private readonly now: () => Date = () => new Date()) {}

  /** Creates a token and returns it: the only time it is ever visible. */
  create(name: string): string {
    if (!NAME_PATTERN.test(name)) {
      throw new OnscreenError('bad_request', 'A token name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
    }
    const token = `ons_${randomBytes(32).toString('base64url')}`;
    if (!this.tokens.insert(name, hashToken(token), this.now().toISOString())) {
      throw new OnscreenError('bad_request', `A token named "${name}" already exists; revoke it first or choose another name.`);
    }
    return token;
  }

  list(): TokenRecord[] {
    return this.tokens.list();
  }

  revoke(name: string): void {
    if (!this.tokens.revoke(name, this.now().toISOString())) {
      throw new OnscreenError('not_found', `No active token named "${name}". See \`npx onscreen token list\`.`);
    }
  }

  /** The name of the token, or null if it is unknown or revoked. */
  authenticate(token: string): string | null {
    if (!TOKEN_PATTERN.test(token)) return null;
    const name = this.tokens.findActiveByHash(hashToken(token));
    if (name) this.tokens.touch(name, this.now().toISOString());
    return name;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
