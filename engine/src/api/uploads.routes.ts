/** Uploaded videos for workers: reachable only through a signed, expiring link made for one job. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { PARAMS, signedQuerySchema } from './schemas.js';

export function uploadsRoutes(context: ApiContext): AnyRoute[] {
  const download: Route<unknown, z.infer<typeof signedQuerySchema>> = {
    method: 'GET', path: '/api/v1/uploads/:id/:filename', access: 'signed', tag: 'workers',
    summary: 'An uploaded video, for the worker analysing it (a signed link in the job; no token).',
    params: { id: PARAMS.id, filename: PARAMS.filename },
    query: signedQuerySchema,
    responses: { 200: { description: 'The video', contentType: 'application/octet-stream' }, 403: { description: 'Bad or expired signature', schema: 'Error' } },
    handle: async ({ params, query, res }) => {
      if (!context.uploadLinks.isValid(params.id!, query.expires, query.sig)) {
        throw new OnscreenError('forbidden', 'This upload link is invalid or has expired.');
      }
      const path = await context.findUpload(params.id!);
      if (!path) throw new OnscreenError('not_found', 'That upload is gone: its job was deleted or has finished.');
      const { size } = await stat(path);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
      await pipeline(createReadStream(path), res).catch(() => undefined);
      return { stream: true };
    },
  };
  return [download];
}
