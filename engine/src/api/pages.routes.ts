/** The tagging and report page (no token in the URL: the page asks for it and keeps it in the tab). */
import type { ApiContext } from './context.js';
import type { AnyRoute } from './router.js';
import { JOB_ID_PATTERN } from '../contracts/job-id.js';
import { PARAMS } from './schemas.js';
import type { AssetName } from './web-assets.js';

/**
 * The page builds its own API calls; it needs no framing, inline script or third-party script.
 * The player may show YouTube's embed, or a video from the link it was analysed from.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; media-src 'self' https: http:; frame-src https://www.youtube-nocookie.com; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** Any path segment: the page itself says when it cannot be a job. */
const ANY_ID = { ...PARAMS.id, pattern: /^[^/]{1,200}$/, description: 'Job id (anything else gets a "no such video" page).' };

export function pagesRoutes(context: ApiContext): AnyRoute[] {
  const shell = () => ({ status: 200, body: context.web.shell(), contentType: 'text/html; charset=utf-8', headers: PAGE_HEADERS });
  // A browser that follows a cut or mistyped link gets a page, not the API's JSON error.
  const jobPage = ({ params }: { params: Record<string, string | undefined> }) =>
    JOB_ID_PATTERN.test(params.id ?? '') ? shell() : { status: 404, body: context.web.notFound(), contentType: 'text/html; charset=utf-8', headers: PAGE_HEADERS };
  return [
    { method: 'GET', path: '/', access: 'none', tag: 'pages', summary: 'The job list page.', responses: { 200: { description: 'HTML', contentType: 'text/html' } }, handle: shell },
    {
      method: 'GET', path: '/jobs/:id', access: 'none', tag: 'pages', summary: 'The tagging and report page of a job.',
      params: { id: ANY_ID }, responses: { 200: { description: 'HTML', contentType: 'text/html' }, 404: { description: 'HTML: no such video', contentType: 'text/html' } },
      handle: jobPage,
    },
    { method: 'GET', path: '/library', access: 'none', tag: 'pages', summary: 'The people library page.', responses: { 200: { description: 'HTML', contentType: 'text/html' } }, handle: shell },
    { method: 'GET', path: '/collections', access: 'none', tag: 'pages', summary: 'The collections page.', responses: { 200: { description: 'HTML', contentType: 'text/html' } }, handle: shell },
    {
      method: 'GET', path: '/collections/:id', access: 'none', tag: 'pages', summary: 'The page of a collection: its videos, totals, trend, people and exports.',
      params: { id: ANY_ID }, responses: { 200: { description: 'HTML', contentType: 'text/html' } },
      handle: shell,
    },
    {
      method: 'GET', path: '/assets/:asset', access: 'none', tag: 'pages', summary: "The page's script and styles.",
      params: { asset: PARAMS.asset },
      responses: { 200: { description: 'JavaScript or CSS', contentType: 'text/javascript' } },
      handle: async ({ params }) => {
        const { body, contentType } = await context.web.read(params.asset as AssetName);
        return { status: 200, body, contentType, headers: { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } };
      },
    },
  ];
}
