/**
 * Who is calling the service: the token's name (the client), its workspace and role. Every use
 * case that reads or changes a job gets one, and sees only its workspace's jobs.
 */
import type { Actor } from '../../../shared/src/actor.js';

export interface Caller {
  /** The API token's name: the client the edits are attributed to. */
  tokenName: string;
  workspaceId: string;
  isAdmin: boolean;
}

/** The workspace every token and job was in before workspaces existed, and the CLI's default. */
export const DEFAULT_WORKSPACE = 'default';

/** Names of tokens and workspaces: 1 to 64 letters, digits, dots, dashes or underscores. */
export const NAME_PATTERN = /^[A-Za-z0-9][\w.-]{0,63}$/;

/** An edit's author: the caller's token, and the person it says it acts for. */
export function actorOf(caller: Caller, onBehalfOf: string | undefined): Actor {
  return { by: caller.tokenName, ...(onBehalfOf ? { onBehalfOf } : {}) };
}
