/** Jobs: create from a URL or an upload, list, read, follow (server-sent events), delete. */
import type { z } from 'zod';
import type { CreateJobRequest } from '../../../shared/src/api/types.js';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { createJobSchema, listQuerySchema, PARAMS, uploadQuerySchema, eventsQuerySchema } from './schemas.js';
import { streamJobEvents } from './job-events.js';

const JOB = { schema: 'Job' };

export function jobsRoutes(context: ApiContext): AnyRoute[] {
  const create: Route<CreateJobRequest> = {
    method: 'POST', path: '/api/v1/jobs', access: 'token', tag: 'jobs',
    summary: 'Analyse a video from a URL (YouTube or a direct media link). The same video with the same options reuses its job unless `force`.',
    body: createJobSchema,
    responses: {
      201: { description: 'A new job', ...JOB },
      200: { description: 'An existing job for the same video and options (reused: true)', ...JOB },
      400: { description: 'Malformed request or URL', schema: 'Error' },
      422: { description: 'A private-network URL', schema: 'Error' },
    },
    handle: async ({ body, caller }) => {
      const { job, isReused } = await context.jobs.createFromUrl(body, caller);
      return { status: isReused ? 200 : 201, json: job };
    },
  };
  const upload: Route<unknown, z.infer<typeof uploadQuerySchema>> = {
    method: 'POST', path: '/api/v1/jobs/upload', access: 'token', tag: 'jobs',
    summary: 'Analyse an uploaded video: the raw file as the body (application/octet-stream), streamed to disk.',
    query: uploadQuerySchema,
    body: 'binary',
    responses: {
      201: { description: 'A new job', ...JOB },
      200: { description: 'An existing job for the same file and options', ...JOB },
      400: { description: 'A multipart form instead of the raw file, or a malformed query', schema: 'Error' },
      413: { description: 'Larger than the upload limit (a declared length is refused before the body is read)', schema: 'Error' },
      429: { description: 'Too many uploads at once for this token', schema: 'Error' },
      503: { description: 'The server\'s disk is nearly full', schema: 'Error' },
    },
    handle: async ({ req, query, caller }) => {
      const { job, isReused } = await context.jobs.createFromUpload(req, query, caller);
      return { status: isReused ? 200 : 201, json: job };
    },
  };
  const list: Route<unknown, z.infer<typeof listQuerySchema>> = {
    method: 'GET', path: '/api/v1/jobs', access: 'token', tag: 'jobs', summary: "The newest jobs of the token's workspace, optionally of one requester.",
    query: listQuerySchema,
    responses: { 200: { description: '{ jobs: Job[] }', schema: 'JobList' } },
    handle: ({ query, caller }) => ({ status: 200, json: { jobs: context.jobs.list(query, caller) } }),
  };
  return [
    create,
    upload,
    list,
    {
      method: 'GET', path: '/api/v1/jobs/:id', access: 'token', tag: 'jobs', summary: 'A job: status, stage, percent, ETA.',
      params: { id: PARAMS.id },
      responses: { 200: { description: 'The job', ...JOB }, 404: { description: 'No such job', schema: 'Error' } },
      handle: ({ params }) => ({ status: 200, json: context.jobs.get(params.id!) }),
    },
    {
      method: 'GET', path: '/api/v1/jobs/:id/events', access: 'token', tag: 'jobs',
      summary:
        'Live updates: a text/event-stream of `job` events (data: Job), from the current state on; when the job rests (tagging, done, failed) a last `end` event, then the stream closes. With `?follow=true` it stays open and carries every later change (other people\'s edits) until the job is deleted.',
      params: { id: PARAMS.id },
      query: eventsQuerySchema,
      responses: { 200: { description: 'Server-sent events', contentType: 'text/event-stream' } },
      handle: ({ params, query, req, res }) => streamJobEvents(context, params.id!, req, res, { follow: (query as { follow?: boolean }).follow === true }),
    },
    {
      method: 'DELETE', path: '/api/v1/jobs/:id', access: 'token', tag: 'jobs',
      summary: 'Delete a job and everything derived from it: faces, thumbnails, voice samples, embeddings, tags, report, upload.',
      params: { id: PARAMS.id },
      responses: { 204: { description: 'Deleted' }, 404: { description: 'No such job', schema: 'Error' } },
      handle: async ({ params }) => {
        await context.jobs.delete(params.id!);
        context.tagging.forget(params.id!);
        context.reports.forget(params.id!);
        return { status: 204 };
      },
    },
  ];
}
