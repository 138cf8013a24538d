/**
 * One request, from the socket to the reply: CORS, routing, the token, the rate limit, the body
 * and the handler. Every failure becomes an ErrorBody with its code's status and a sentence a
 * person can act on; an unexpected one is logged and answered `internal`, never with a stack.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { Caller } from '../services/caller.js';
import { SHARE_PATH_PREFIX, type SharedResource, type ShareLinksService } from '../services/share-links.service.js';
import type { TokensService } from '../services/tokens.service.js';
import type { CorsPolicy } from './cors.js';
import { readJsonBody, sendReply, toErrorReply, toHtmlErrorReply, type Reply } from './http-io.js';
import type { RateLimiter } from './rate-limit.js';
import type { AnyRoute, Router } from './router.js';
import { SHARE_PAGE_HEADERS } from './shares.routes.js';
import { describeZodError, onBehalfOfHeaderSchema } from './schemas.js';
import { limitBodyIdle, type UploadGuard } from './upload-guard.js';

export interface HandlerDeps {
  router: Router;
  tokens: TokensService;
  /** Throws job_not_found unless the job is in the caller's workspace. */
  checkJobAccess(jobId: string, caller: Caller): void;
  shareLinks: Pick<ShareLinksService, 'open'>;
  cors: CorsPolicy;
  /** Per token, for token routes. */
  limiter: RateLimiter;
  /** Per client address, for requests without a valid token (guessing tokens is slow). */
  anonymousLimiter: RateLimiter;
  uploads: UploadGuard;
  /** A request body that sends nothing this long is cut off, milliseconds. */
  bodyIdleMs: number;
  /** Per client address, for signed links (workers' downloads): apart from the anonymous limit. */
  signedLimiter: RateLimiter;
  jsonLimitBytes: number;
  log(line: string): void;
}

export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => fail(deps, req, res, error));
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('x-content-type-options', 'nosniff');
  limitBodyIdle(req, deps.bodyIdleMs);
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt >= 0 ? rawUrl.slice(0, queryAt) : rawUrl;
  const search = new URLSearchParams(queryAt >= 0 ? rawUrl.slice(queryAt + 1) : '');
  if (req.method === 'OPTIONS') {
    deps.cors.preflight(req, res);
    return;
  }
  deps.cors.apply(req, res);
  const match = deps.router.match(req.method ?? 'GET', rawPath);
  if (match === null) throw new OnscreenError('not_found', `There is no ${rawPath.startsWith('/api') ? 'API endpoint' : 'page'} at ${truncate(rawPath)}. See /api/openapi.json.`);
  if (match === 'method') throw new OnscreenError('not_found', `${req.method} is not supported at ${truncate(rawPath)}. See /api/openapi.json.`);
  const { route, params } = match;
  const caller = route.access === 'token' ? authenticate(deps, req) : NO_CALLER;
  if (route.access === 'token') checkScope(deps, route, params, caller);
  // A signed link is its own credential, checked by its route: a worker's link is never refused
  // because other requests from its address guessed tokens; it has its own limit.
  if (route.access === 'signed') limit(deps.signedLimiter, clientAddress(req));
  // A share link too; only addresses that keep presenting bad ones are slowed down.
  if (route.access === 'share' && deps.anonymousLimiter.isLimited(clientAddress(req))) limit(deps.anonymousLimiter, clientAddress(req));
  const shared: SharedResource | null = route.access === 'share' ? deps.shareLinks.open(params.link ?? '') : null;
  const onBehalfOf = route.access === 'token' ? readOnBehalfOf(req) : undefined;
  const query = parseQuery(route, search);
  const body = route.body && route.body !== 'binary' ? parseBody(route, await readJsonBody(req, deps.jsonLimitBytes)) : undefined;
  const endUpload = route.body === 'binary' ? await deps.uploads.admit(req, caller.tokenName) : null;
  let reply: Reply;
  try {
    reply = await route.handle({ req, res, params, query, body, tokenName: caller.tokenName, caller, onBehalfOf, shared });
  } finally {
    endUpload?.();
  }
  if (req.method === 'HEAD' && !('stream' in reply)) {
    res.writeHead(reply.status).end();
    return;
  }
  sendReply(res, reply);
}

/** Non-token routes: a caller of no workspace, which sees no job. */
const NO_CALLER: Caller = { tokenName: '', workspaceId: '', isAdmin: false };
/** Every route under a job answers only for the caller's workspace's jobs (one place, so new routes are covered too). */
const JOB_PATH = '/api/v1/jobs/:id';

function checkScope(deps: HandlerDeps, route: AnyRoute, params: Record<string, string>, caller: Caller): void {
  if (route.isAdminOnly && !caller.isAdmin) {
    throw new OnscreenError('forbidden', 'Only an admin token may manage workspaces and tokens.', {
      hint: 'Create one with `npx onscreen token create NAME --admin`.',
    });
  }
  if ((route.path === JOB_PATH || route.path.startsWith(`${JOB_PATH}/`)) && params.id !== undefined) deps.checkJobAccess(params.id, caller);
}

function readOnBehalfOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-onscreen-on-behalf-of'];
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  // Headers are Latin-1: a name in another script comes percent-encoded (`%` is not allowed in it otherwise).
  let decoded = text;
  try {
    decoded = text.includes('%') ? decodeURIComponent(text) : text;
  } catch {
    // left as sent: the check below refuses it
  }
  const parsed = onBehalfOfHeaderSchema.safeParse(decoded);
  if (!parsed.success) throw describeZodError(parsed.error, 'X-Onscreen-On-Behalf-Of header');
  return parsed.data;
}

function authenticate(deps: HandlerDeps, req: IncomingMessage): Caller {
  const header = req.headers.authorization;
  if (!header) {
    limit(deps.anonymousLimiter, clientAddress(req));
    throw new OnscreenError('unauthorized', 'This endpoint needs an API token: send `Authorization: Bearer <token>`.', {
      hint: 'Create a token with `npx onscreen token create <name>`.',
    });
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const identity = match ? deps.tokens.authenticate(match[1]!) : null;
  if (!identity) {
    limit(deps.anonymousLimiter, clientAddress(req));
    throw new OnscreenError('unauthorized', 'That API token is not valid: it is malformed, unknown or revoked.', {
      hint: 'Check the token, or create a new one with `npx onscreen token create <name>`.',
    });
  }
  limit(deps.limiter, `token:${identity.name}`);
  return { tokenName: identity.name, workspaceId: identity.workspaceId, isAdmin: identity.isAdmin };
}

function limit(limiter: RateLimiter, key: string): void {
  const wait = limiter.take(key);
  if (wait > 0) throw Object.assign(new OnscreenError('rate_limited', `Too many requests; try again in ${wait} s.`), { retryAfterSeconds: wait });
}

function parseQuery(route: AnyRoute, search: URLSearchParams): Record<string, unknown> {
  if (!route.query) return {};
  const parsed = route.query.safeParse(Object.fromEntries(search));
  if (!parsed.success) throw describeZodError(parsed.error, 'query');
  return parsed.data as Record<string, unknown>;
}

function parseBody(route: AnyRoute, json: unknown): unknown {
  if (!route.body || route.body === 'binary') return undefined;
  const parsed = route.body.safeParse(json);
  if (!parsed.success) throw describeZodError(parsed.error, 'request body', json);
  return parsed.data;
}

function fail(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (!(error instanceof OnscreenError) || error.code === 'internal') {
    deps.log(`${req.method} ${truncate(req.url ?? '')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof OnscreenError && error.code === 'forbidden') deps.anonymousLimiter.take(clientAddress(req));
  const isBodyUnread = !req.complete;
  const reply = isSharePage(req) ? toHtmlErrorReply(error, SHARE_PAGE_HEADERS) : toErrorReply(error);
  if (isBodyUnread) {
    // The client may still be sending (an oversized upload): answer, then close the connection.
    reply.headers = { ...reply.headers, connection: 'close' };
    res.on('finish', () => setTimeout(() => req.destroy(), 100).unref());
  }
  sendReply(res, reply);
}

/** People open share links in a browser: their failures are pages, not JSON. */
function isSharePage(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.url ?? '').startsWith(SHARE_PATH_PREFIX);
}

function clientAddress(req: IncomingMessage): string {
  return `ip:${req.socket.remoteAddress ?? 'unknown'}`;
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
