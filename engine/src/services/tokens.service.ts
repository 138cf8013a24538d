/**
 * API tokens: `ons_` + 32 random bytes. Shown once when created; only their SHA-256 is kept.
 * Each client (the extension, the Slack bot, a newsroom's script) gets its own, by name, in one
 * workspace; an admin token also manages workspaces and their tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { TokenIdentity, TokenRecord, TokensRepository } from '../storage/tokens.repository.js';
import type { WorkspaceRecord, WorkspacesRepository } from '../storage/workspaces.repository.js';
import { DEFAULT_WORKSPACE, NAME_PATTERN, type Caller } from './caller.js';

const TOKEN_PATTERN = /^ons_[A-Za-z0-9_-]{43}$/;

export interface NewToken {
  workspace?: string | undefined;
  isAdmin?: boolean | undefined;
}

export class TokensService {
  constructor(
    private readonly tokens: TokensRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a token (and its workspace if new) and returns it: the only time it is ever visible. */
  create(name: string, options: NewToken = {}): string {
    if (!NAME_PATTERN.test(name)) {
      throw new OnscreenError('bad_request', 'A token name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
    }
    const workspaceId = checkWorkspaceId(options.workspace ?? DEFAULT_WORKSPACE);
    const token = `ons_${randomBytes(32).toString('base64url')}`;
    const record = { name, hash: hashToken(token), workspaceId, isAdmin: options.isAdmin === true };
    if (!this.tokens.insert(record, this.now().toISOString())) {
      throw new OnscreenError('bad_request', `A token named "${name}" already exists; revoke it first or choose another name.`);
    }
    return token;
  }

  /** Every token, or those of one workspace. */
  list(workspaceId?: string): TokenRecord[] {
    return this.tokens.list(workspaceId);
  }

  revoke(name: string): void {
    if (!this.tokens.revoke(name, this.now().toISOString())) {
      throw new OnscreenError('not_found', `No active token named "${name}". See \`npx onscreen token list\`.`);
    }
  }

  /** Who the token is, or null if it is unknown or revoked. */
  authenticate(token: string): TokenIdentity | null {
    if (!TOKEN_PATTERN.test(token)) return null;
    const identity = this.tokens.findActiveByHash(hashToken(token));
    if (identity) this.tokens.touch(identity.name, this.now().toISOString());
    return identity;
  }

  /** The caller a token's name stands for (its workspace and role), for use cases handed only the name. */
  callerNamed(name: string): Caller {
    const token = this.tokens.list().find((t) => t.name === name && t.revokedAt === null);
    return { tokenName: name, workspaceId: token?.workspaceId ?? DEFAULT_WORKSPACE, isAdmin: token?.isAdmin ?? false };
  }

  /** Creates an empty workspace; false when it exists already. */
  createWorkspace(id: string): boolean {
    return this.workspaces.insert(checkWorkspaceId(id), this.now().toISOString());
  }

  listWorkspaces(): WorkspaceRecord[] {
    return this.workspaces.list();
  }
}

function checkWorkspaceId(id: string): string {
  if (!NAME_PATTERN.test(id)) {
    throw new OnscreenError('bad_request', 'A workspace name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
  }
  return id;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
