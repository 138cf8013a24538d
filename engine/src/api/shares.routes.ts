/**
 * Read-only share links: made and revoked with a token (in the token's workspace), opened
 * without one. A link opens one report and nothing else: its routes only read, and take no job
 * id from the URL, so a link cannot reach another job or change one.
 */
import type { z } from 'zod';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { PARAMS, shareLinkSchema } from './schemas.js';

/** The report is self-contained (inline styles, data: images): it needs nothing else, and leaks its URL to no one. */
export const SHARE_PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
};

export function sharesRoutes(context: ApiContext): AnyRoute[] {
  const { shareLinks } = context;
  const create: Route<z.infer<typeof shareLinkSchema>> = {
    method: 'POST', path: '/api/v1/jobs/:id/share-links', access: 'token', tag: 'sharing',
    summary: "A read-only link to the job's report page, for people without a token (default 30 days; a fresh link of the same client is returned again).",
    params: { id: PARAMS.id }, body: shareLinkSchema,
    responses: { 201: { description: 'The link (url relative to the engine)', schema: 'ShareLink' }, 404: { description: 'No such job', schema: 'Error' } },
    handle: ({ params, body, caller }) => ({ status: 201, json: shareLinks.create(caller, 'job', params.id!, body.days) }),
  };
  const createForCollection: Route<z.infer<typeof shareLinkSchema>> = {
    method: 'POST', path: '/api/v1/collections/:cid/share-links', access: 'token', tag: 'sharing',
    summary: "A read-only link to the collection's report (all its videos), for people without a token (default 30 days; a fresh link of the same client is returned again).",
    params: { cid: PARAMS.cid }, body: shareLinkSchema,
    responses: { 201: { description: 'The link (url relative to the engine)', schema: 'ShareLink' }, 404: { description: 'No such collection', schema: 'Error' } },
    handle: ({ params, body, caller }) => {
      context.collections.get(caller.workspaceId, params.cid!);
      return { status: 201, json: shareLinks.create(caller, 'collection', params.cid!, body.days) };
    },
  };
  return [
    create,
    createForCollection,
    {
      method: 'GET', path: '/api/v1/jobs/:id/share-links', access: 'token', tag: 'sharing', summary: "The job's share links, revoked and expired ones included.",
      params: { id: PARAMS.id },
      responses: { 200: { description: '{ links: ShareLink[] }', schema: 'ShareLinkList' }, 404: { description: 'No such job', schema: 'Error' } },
      handle: ({ params, caller }) => ({ status: 200, json: { links: shareLinks.list(caller, 'job', params.id!) } }),
    },
    {
      method: 'DELETE', path: '/api/v1/share-links/:linkId', access: 'token', tag: 'sharing', summary: 'Revoke a share link: it stops working at once.',
      params: { linkId: PARAMS.linkId },
      responses: { 204: { description: 'Revoked' }, 404: { description: 'No such link in this workspace', schema: 'Error' } },
      handle: ({ params, caller }) => {
        shareLinks.revoke(caller, params.linkId!);
        return { status: 204 };
      },
    },
    {
      method: 'GET', path: '/share/:link', access: 'share', tag: 'sharing', summary: "The shared report (a job's, or a collection's), as a self-contained HTML page (read only; no token).",
      params: { link: PARAMS.link },
      responses: { 200: { description: 'HTML', contentType: 'text/html' }, 403: { description: 'Invalid, expired or revoked link', contentType: 'text/html' } },
      handle: async ({ shared }) => {
        if (shared?.kind === 'collection') {
          const { html } = await context.collections.report(shared.workspaceId, shared.resourceId);
          return { status: 200, body: html, contentType: 'text/html; charset=utf-8', headers: SHARE_PAGE_HEADERS };
        }
        if (shared?.kind !== 'job') throw new OnscreenError('not_found', 'There is nothing to show at this link.');
        const { html } = await context.reports.render(shared.resourceId);
        return { status: 200, body: html, contentType: 'text/html; charset=utf-8', headers: SHARE_PAGE_HEADERS };
      },
    },
  ];
}
