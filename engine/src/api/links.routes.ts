/** Links: whether a link is a video, checked without starting anything. */
import type { z } from 'zod';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { checkLinkSchema } from './schemas.js';

export function linksRoutes(context: ApiContext): AnyRoute[] {
  const check: Route<z.infer<typeof checkLinkSchema>> = {
    method: 'POST', path: '/api/v1/links/check', access: 'token', tag: 'jobs',
    summary: 'Whether a link is a video (a YouTube video, or an address served as a video file), asked with a HEAD or one-byte request; nothing is started.',
    body: checkLinkSchema,
    responses: {
      200: { description: 'What the link is', schema: 'LinkCheck' },
      400: { description: 'Not an http(s) URL', schema: 'Error' },
      404: { description: 'The server has nothing at that address', schema: 'Error' },
      422: { description: 'A private-network URL, or a video that needs a sign-in', schema: 'Error' },
    },
    handle: async ({ body }) => ({ status: 200, json: await context.links.check(body.url) }),
  };
  return [check];
}
