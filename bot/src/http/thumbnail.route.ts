/** GET /thumbnails/:jobId/:person(-face).jpg?exp=&sig= : a person's picture for Slack, proxied from the engine. */
import type { ServerResponse } from 'node:http';
import type { CustomRoute, Logger } from '@slack/bolt';
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { parsePictureFile, THUMBNAIL_ROUTE, type ThumbnailSigner } from './thumbnail-urls.js';

export function createThumbnailRoute(deps: { engine: OnscreenClient; signer: ThumbnailSigner; logger: Logger }): CustomRoute {
  return {
    path: THUMBNAIL_ROUTE,
    method: ['GET', 'HEAD'],
    handler: (req, res) => {
      const params = (req as { params?: Record<string, string> }).params ?? {};
      const query = new URL(req.url ?? '/', 'http://bot').searchParams;
      const picture = parsePictureFile(params.file ?? '');
      const jobId = params.jobId ?? '';
      if (!picture || !deps.signer.verify(jobId, picture.person, Number(query.get('exp')), query.get('sig') ?? '', picture.kind)) {
        return end(res, 403, 'This picture link is not valid or has expired.');
      }
      const { person, kind } = picture;
      (kind === 'face' ? deps.engine.getFace(jobId, person) : deps.engine.getThumbnail(jobId, person)).then(
        (bytes) => {
          res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.byteLength, 'cache-control': 'private, max-age=3600' });
          res.end(req.method === 'HEAD' ? undefined : bytes);
        },
        (error: unknown) => {
          const isMissing = error instanceof OnscreenError && error.status === 404;
          if (!isMissing) deps.logger.warn(`Picture ${jobId}/${person} (${kind}) could not be fetched from the engine: ${String(error)}`);
          end(res, isMissing ? 404 : 502, isMissing ? 'No such picture.' : 'The picture could not be fetched.');
        },
      );
    },
  };
}

/** GET /health: for a load balancer or a person checking the bot is up. */
export const HEALTH_ROUTE: CustomRoute = {
  path: '/health',
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  },
};

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
