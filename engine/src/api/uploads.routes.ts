/**
 * Uploaded videos, reachable only through a signed, expiring link made for one job: for the
 * worker that analyses it, and for the tagging page's player (which seeks with Range requests).
 */
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
    handle: async ({ params, query, req, res }) => {
      if (!context.uploadLinks.isValid(params.id!, query.expires, query.sig)) {
        throw new OnscreenError('forbidden', 'This upload link is invalid or has expired.');
      }
      const path = await context.findUpload(params.id!);
      if (!path) throw new OnscreenError('not_found', 'That upload is gone: its job was deleted.');
      const { size } = await stat(path);
      const range = parseRange(req.headers.range, size);
      const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
        return { stream: true };
      }
      const [start, end] = range ?? [0, size - 1];
      res.writeHead(range ? 206 : 200, { ...headers, 'content-length': end - start + 1, ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) });
      await pipeline(createReadStream(path, { start, end }), res).catch(() => undefined);
      return { stream: true };
    },
  };
  return [download];
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range (what players send); null for none or several. */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [start, end] = match[1] === '' ? [Math.max(0, size - Number(match[2])), size - 1] : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)];
  return start > end || start >= size ? 'unsatisfiable' : [start, end];
}
