/**
 * Read-only share links to a job's report (and, with the same table and checks, a collection's):
 * `/share/<id>.<signature>`. The id is random; the signature is an HMAC under the server's secret
 * over the id, the resource and the expiry, so a link cannot be forged, stretched or pointed at
 * another job. Each link is also a row: it can be listed and revoked, and it goes when its job goes.
 * A link only reads: the routes it opens serve the report and nothing that changes a job.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { ShareLink } from '../../../shared/src/api/types.js';
import type { ShareLinkRecord, ShareLinksRepository, ShareResourceKind } from '../storage/share-links.repository.js';
import type { Caller } from './caller.js';

export const SHARE_PATH_PREFIX = '/share/';
/** Days a link lasts unless asked otherwise; at most MAX_DAYS. */
export const DEFAULT_SHARE_DAYS = 30;
export const MAX_SHARE_DAYS = 365;
/** `<22 base64url id>.<43 base64url signature>`. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;

/** What a valid link opens. */
export interface SharedResource {
  kind: ShareResourceKind;
  resourceId: string;
  workspaceId: string;
  linkId: string;
}

export class ShareLinksService {
  constructor(private readonly deps: { links: ShareLinksRepository; secret: string; now?(): number }) {}

  /**
   * A link to the resource for the caller's workspace (the caller has checked the resource is
   * in it). An active link the same client made that still has more than half its life left is
   * returned again, so a bot that asks on every message does not pile up links.
   */
  create(caller: Caller, kind: ShareResourceKind, resourceId: string, days = DEFAULT_SHARE_DAYS): ShareLink {
    if (!Number.isInteger(days) || days < 1 || days > MAX_SHARE_DAYS) {
      throw new OnscreenError('bad_request', `A share link lasts 1 to ${MAX_SHARE_DAYS} whole days.`);
    }
    const now = this.now();
    const lifeMs = days * DAY_MS;
    const reusable = this.deps.links
      .listFor(caller.workspaceId, kind, resourceId)
      .find((l) => l.revokedAt === null && l.createdBy === caller.tokenName && Date.parse(l.expiresAt) - now > lifeMs / 2);
    if (reusable) return this.toView(reusable);
    const record: ShareLinkRecord = {
      id: randomBytes(16).toString('base64url'),
      workspaceId: caller.workspaceId,
      resourceKind: kind,
      resourceId,
      createdBy: caller.tokenName,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + lifeMs).toISOString(),
      revokedAt: null,
    };
    this.deps.links.insert(record);
    return this.toView(record);
  }

  /** The links of a resource in the caller's workspace, newest first. */
  list(caller: Caller, kind: ShareResourceKind, resourceId: string): ShareLink[] {
    return this.deps.links.listFor(caller.workspaceId, kind, resourceId).map((l) => this.toView(l));
  }

  /** Revokes a link of the caller's workspace; another workspace's link is "not found". */
  revoke(caller: Caller, linkId: string): void {
    const link = this.deps.links.get(linkId);
    if (!link || link.workspaceId !== caller.workspaceId) throw new OnscreenError('not_found', 'No such share link in this workspace.');
    this.deps.links.revoke(linkId, new Date(this.now()).toISOString());
  }

  /** What a link token opens; `forbidden` (with the reason) for a bad, expired or revoked link. */
  open(token: string): SharedResource {
    const refuse = (why: string) => new OnscreenError('forbidden', `This share link ${why}.`, { hint: 'Ask whoever shared it for a new link.' });
    if (!SHARE_TOKEN_PATTERN.test(token)) throw refuse('is not valid');
    const [id, signature] = token.split('.') as [string, string];
    const link = this.deps.links.get(id);
    if (!link || !isSameText(signature, this.sign(link))) throw refuse('is not valid');
    if (link.revokedAt !== null) throw refuse('was revoked');
    if (Date.parse(link.expiresAt) <= this.now()) throw refuse('has expired');
    return { kind: link.resourceKind, resourceId: link.resourceId, workspaceId: link.workspaceId, linkId: link.id };
  }

  private toView(link: ShareLinkRecord): ShareLink {
    return {
      id: link.id,
      url: `${SHARE_PATH_PREFIX}${link.id}.${this.sign(link)}`,
      resource: { kind: link.resourceKind, id: link.resourceId },
      createdBy: link.createdBy,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
    };
  }

  private sign(link: ShareLinkRecord): string {
    const text = `share:${link.id}:${link.workspaceId}:${link.resourceKind}:${link.resourceId}:${link.expiresAt}`;
    return createHmac('sha256', this.deps.secret).update(text).digest('base64url');
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }
}

function isSameText(a: string, b: string): boolean {
  const given = Buffer.from(a);
  const expected = Buffer.from(b);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
