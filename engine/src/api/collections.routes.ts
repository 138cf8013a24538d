/** Collections: named sets of jobs and their report across videos (JSON, CSV, HTML, chart PNGs). */
import type { z } from 'zod';
import type { RenderedCollection } from '../services/collection.service.js';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { collectionFromYouTubeSchema, collectionJobsSchema, collectionListQuerySchema, collectionReportQuerySchema, createCollectionSchema, PARAMS } from './schemas.js';

const cid = { cid: PARAMS.cid };
const COLLECTION = { schema: 'Collection' };
const NOT_FOUND = { 404: { description: 'No such collection', schema: 'Error' } };
type ReportQuery = z.infer<typeof collectionReportQuerySchema>;
type ListQuery = z.infer<typeof collectionListQuerySchema>;

export function collectionsRoutes(context: ApiContext): AnyRoute[] {
  const { collections } = context;
  const headers = (id: string, ext: string) => ({ 'content-disposition': `inline; filename="onscreen-collection-${id}.${ext}"`, 'cache-control': 'no-store' });
  const create: Route<z.infer<typeof createCollectionSchema>> = {
    method: 'POST', path: '/api/v1/collections', access: 'token', tag: 'collections',
    summary: 'Create a collection: a named set of analyses (a programme, a channel, a month). With a `key` (the client\'s own, e.g. `slack-channel:T0123:C0456`), the workspace\'s collection with that key if there is one.',
    body: createCollectionSchema,
    responses: { 200: { description: 'The collection that has this key', ...COLLECTION }, 201: { description: 'The new collection', ...COLLECTION }, 400: { description: 'Malformed request', schema: 'Error' } },
    handle: ({ body, caller }) => {
      if (body.key === undefined) return { status: 201, json: collections.create(caller.workspaceId, body.name, caller.tokenName) };
      const { collection, isNew } = collections.ensure(caller.workspaceId, body.key, body.name, caller.tokenName);
      return { status: isNew ? 201 : 200, json: collection };
    },
  };
  const list: Route<unknown, ListQuery> = {
    method: 'GET', path: '/api/v1/collections', access: 'token', tag: 'collections', summary: 'Every collection, newest first; with `?key=`, the one with that key (or none).',
    query: collectionListQuerySchema,
    responses: { 200: { description: '{ collections: Collection[] }', schema: 'CollectionList' } },
    handle: ({ query, caller }) => {
      if (query.key === undefined) return { status: 200, json: { collections: collections.list(caller.workspaceId) } };
      const found = collections.findByKey(caller.workspaceId, query.key);
      return { status: 200, json: { collections: found ? [found] : [] } };
    },
  };
  const fromYouTube: Route<z.infer<typeof collectionFromYouTubeSchema>> = {
    method: 'POST', path: '/api/v1/collections/from-youtube', access: 'token', tag: 'collections',
    summary: 'A YouTube playlist or channel becomes a collection of its newest videos (`max`, default 10), one job per video; private, deleted and live videos are skipped and listed.',
    body: collectionFromYouTubeSchema,
    responses: {
      201: { description: '{ collection, jobs }', schema: 'CollectionFromList' },
      400: { description: 'Not a playlist or channel link, or too many videos', schema: 'Error' },
      422: { description: 'The list cannot be read, or has no video to analyse', schema: 'Error' },
    },
    handle: async ({ body, caller }) => ({ status: 201, json: await collections.createFromYouTube(caller.workspaceId, body.url, { name: body.name, max: body.max }, caller.tokenName) }),
  };
  const addJobs: Route<z.infer<typeof collectionJobsSchema>> = {
    method: 'POST', path: '/api/v1/collections/:cid/jobs', access: 'token', tag: 'collections', summary: 'Add analysed jobs to a collection (all or none). A job can be in several collections.',
    params: cid, body: collectionJobsSchema,
    responses: { 200: { description: 'The collection', ...COLLECTION }, ...NOT_FOUND, 409: { description: 'A job is not analysed yet', schema: 'Error' } },
    handle: async ({ params, body, caller }) => ({ status: 200, json: await collections.addJobs(caller.workspaceId, params.cid!, body.jobIds) }),
  };
  const file = (ext: string, summary: string, contentType: string, pick: (r: RenderedCollection) => string): Route<unknown, ReportQuery> => ({
    method: 'GET', path: `/api/v1/collections/:cid/report.${ext}`, access: 'token', tag: 'collections', summary,
    params: cid, query: collectionReportQuerySchema,
    responses: { 200: { description: summary, contentType }, ...NOT_FOUND },
    handle: async ({ params, query, caller }) => ({ status: 200, body: pick(await collections.report(caller.workspaceId, params.cid!, query.period, query.since)), contentType, headers: headers(params.cid!, ext) }),
  });
  const reportJson: Route<unknown, ReportQuery> = {
    method: 'GET', path: '/api/v1/collections/:cid/report', access: 'token', tag: 'collections', summary: 'The collection report as JSON (?period=month|week; ?since=YYYY-MM-DD: only the jobs added to it since then).',
    params: cid, query: collectionReportQuerySchema,
    responses: { 200: { description: 'The collection report', schema: 'CollectionReport' }, ...NOT_FOUND },
    handle: async ({ params, query, caller }) => ({ status: 200, json: (await collections.report(caller.workspaceId, params.cid!, query.period, query.since)).collection }),
  };
  return [
    create,
    fromYouTube,
    list,
    {
      method: 'GET', path: '/api/v1/collections/:cid', access: 'token', tag: 'collections', summary: 'A collection and its jobs.',
      params: cid, responses: { 200: { description: 'The collection', ...COLLECTION }, ...NOT_FOUND },
      handle: ({ params, caller }) => ({ status: 200, json: collections.get(caller.workspaceId, params.cid!) }),
    },
    {
      method: 'DELETE', path: '/api/v1/collections/:cid', access: 'token', tag: 'collections', summary: 'Delete a collection (its jobs stay).',
      params: cid, responses: { 204: { description: 'Deleted' }, ...NOT_FOUND },
      handle: ({ params, caller }) => (collections.delete(caller.workspaceId, params.cid!), { status: 204 }),
    },
    addJobs,
    {
      method: 'DELETE', path: '/api/v1/collections/:cid/jobs/:id', access: 'token', tag: 'collections', summary: 'Take a job out of a collection (the job stays).',
      params: { ...cid, id: PARAMS.id }, responses: { 200: { description: 'The collection', ...COLLECTION }, ...NOT_FOUND },
      handle: ({ params, caller }) => ({ status: 200, json: collections.removeJob(caller.workspaceId, params.cid!, params.id!) }),
    },
    reportJson,
    file('csv', 'The collection report as CSV.', 'text/csv; charset=utf-8', (r) => r.csv),
    file('html', 'The collection report as a self-contained HTML page.', 'text/html; charset=utf-8', (r) => r.html),
    {
      method: 'GET', path: '/api/v1/collections/:cid/charts/:chart.png', access: 'token', tag: 'collections', summary: 'A chart of the collection: videos, trend or people.',
      params: { ...cid, chart: PARAMS.collectionChart }, query: collectionReportQuerySchema,
      responses: { 200: { description: 'PNG', contentType: 'image/png' }, ...NOT_FOUND },
      handle: async ({ params, query, caller }) => ({
        status: 200, body: (await collections.report(caller.workspaceId, params.cid!, (query as ReportQuery).period, (query as ReportQuery).since)).charts[params.chart as 'videos'], contentType: 'image/png', headers: { 'cache-control': 'no-store' },
      }),
    },
  ];
}
