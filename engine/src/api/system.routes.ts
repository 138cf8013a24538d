/** Health, readiness, service status and the OpenAPI document. */
import { OnscreenError } from '../../../shared/src/errors.js';
import type { ApiContext } from './context.js';
import type { AnyRoute } from './router.js';

export function systemRoutes(context: ApiContext, openApi: () => unknown): AnyRoute[] {
  return [
    {
      method: 'GET', path: '/api/health', access: 'none', tag: 'system', summary: 'Liveness: the process answers.',
      responses: { 200: { description: '{ ok: true, version }', schema: 'Health' } },
      handle: () => ({ status: 200, json: { ok: true, version: context.version } }),
    },
    {
      method: 'GET', path: '/api/ready', access: 'none', tag: 'system', summary: 'Readiness: the database and the queue answer.',
      responses: { 200: { description: '{ ready: true }' }, 503: { description: 'Not ready (e.g. Redis unreachable).', schema: 'Error' } },
      handle: async () => {
        if (!(await context.isReady())) throw new OnscreenError('unavailable', 'The service is not ready: the database or the job queue does not answer.');
        return { status: 200, json: { ready: true } };
      },
    },
    {
      method: 'GET', path: '/api/openapi.json', access: 'none', tag: 'system', summary: 'This API as an OpenAPI 3.1 document.',
      responses: { 200: { description: 'OpenAPI 3.1 document' } },
      handle: () => ({ status: 200, json: openApi() }),
    },
    {
      method: 'GET', path: '/api/v1/status', access: 'token', tag: 'system', summary: "Queue depth, workers and the workspace's job count.",
      responses: { 200: { description: 'ServiceStatus', schema: 'ServiceStatus' } },
      handle: async ({ caller }) => ({ status: 200, json: await context.jobs.status(caller) }),
    },
  ];
}
