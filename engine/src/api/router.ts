/**
 * A small router over a route table. Each route says its method, path, who may call it, what
 * it accepts and answers (the OpenAPI document is built from the same table) and its handler.
 * Paths are matched on the raw, undecoded URL: `..%2f` stays inside one segment, and every
 * parameter must match its own pattern before a handler sees it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Caller } from '../services/caller.js';
import type { SharedResource } from '../services/share-links.service.js';
import type { Reply } from './http-io.js';

export type Method = 'GET' | 'POST' | 'DELETE';
/**
 * token: a Bearer API token (its workspace's jobs only); none: open (health, pages); signed: a
 * signed, expiring link for workers; share: a read-only share link (`:link` in the path).
 */
export type Access = 'token' | 'none' | 'signed' | 'share';

export interface ParamSpec {
  pattern: RegExp;
  description: string;
  /** What a bad value means to the caller (e.g. "No such job"). */
  onMismatch: () => Error;
}

export interface ResponseSpec {
  description: string;
  /** Media type (default application/json). */
  contentType?: string;
  /** Name of a schema in the OpenAPI document's components. */
  schema?: string;
}

export interface RequestContext<Body = unknown, Query = Record<string, unknown>> {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: Query;
  body: Body;
  /** Name of the caller's token (token routes). */
  tokenName: string;
  /** The caller's token: name, workspace, role (token routes; an empty workspace elsewhere). */
  caller: Caller;
  /** The person the client acts for, from the `X-Onscreen-On-Behalf-Of` header (checked). */
  onBehalfOf: string | undefined;
  /** What the share link opens (share routes). */
  shared: SharedResource | null;
}

export interface Route<Body = unknown, Query = Record<string, unknown>> {
  method: Method;
  /** e.g. /api/v1/jobs/:id/charts/:name.png */
  path: string;
  access: Access;
  /** Only admin tokens may call it (workspaces and tokens). */
  isAdminOnly?: boolean;
  summary: string;
  tag: string;
  params?: Record<string, ParamSpec>;
  query?: z.ZodType<Query>;
  /** A zod schema for a JSON body, or 'binary' for a streamed upload that the handler reads. */
  body?: z.ZodType<Body> | 'binary';
  responses: Record<number, ResponseSpec>;
  handle(context: RequestContext<Body, Query>): Promise<Reply> | Reply;
}

// Routes of different body and query types live in one table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<any, any>;

interface Compiled {
  route: AnyRoute;
  segments: { literal?: string; param?: string; prefix?: string; suffix?: string }[];
}

export interface Match {
  route: AnyRoute;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: AnyRoute[]) {
    const paramCount = (c: Compiled) => c.segments.filter((s) => s.param !== undefined).length;
    // Literal paths first: /jobs/upload is not the job "upload".
    this.compiled = routes
      .map((route) => ({ route, segments: route.path.split('/').slice(1).map(compileSegment) }))
      .sort((a, b) => paramCount(a) - paramCount(b));
  }

  /** The route for this method and raw path, 'method' if only another method matches, or null. */
  match(method: string, rawPath: string): Match | 'method' | null {
    const parts = rawPath.split('/').slice(1);
    let isOtherMethod = false;
    for (const { route, segments } of this.compiled) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
        isOtherMethod = true;
        continue;
      }
      for (const [name, value] of Object.entries(params)) {
        const spec = route.params?.[name];
        if (!spec || !spec.pattern.test(value)) throw (spec?.onMismatch ?? (() => new Error(`no spec for :${name}`)))();
      }
      return { route, params };
    }
    return isOtherMethod ? 'method' : null;
  }
}

function compileSegment(segment: string): Compiled['segments'][number] {
  const match = /^([^:]*):(\w+)(.*)$/.exec(segment);
  if (!match) return { literal: segment };
  return { prefix: match[1]!, param: match[2]!, suffix: match[3]! };
}

function matchSegments(segments: Compiled['segments'], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.literal !== undefined) {
      if (segment.literal !== part) return null;
      continue;
    }
    const { prefix = '', suffix = '', param = '' } = segment;
    if (!part.startsWith(prefix) || !part.endsWith(suffix) || part.length <= prefix.length + suffix.length) return null;
    params[param] = part.slice(prefix.length, part.length - suffix.length);
  }
  return params;
}
