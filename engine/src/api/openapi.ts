/**
 * The OpenAPI 3.1 document, generated from the route table: every route the server answers is
 * in it, with its request schema (from the same zod schemas that validate requests).
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/src/errors.js';
import type { AnyRoute } from './router.js';
import { COMPONENT_SCHEMAS } from './openapi-schemas.js';

export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

export function buildOpenApi(routes: AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operations = (paths[toOpenApiPath(route.path)] ??= {});
    operations[route.method.toLowerCase()] = toOperation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'onscreen engine API',
      version,
      description: 'Who is on screen, and for how long. Every route but health, readiness, this document and the pages needs `Authorization: Bearer <token>` (create one with `npx onscreen token create <name>`). Errors are `{ error: { code, message, hint? } }`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `npx onscreen token create <name>`.' } },
      schemas: { ...COMPONENT_SCHEMAS, ErrorCode: { type: 'string', enum: Object.keys(ERROR_CODES) } },
    },
    paths,
  };
}

function toOperation(route: AnyRoute): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [name, spec] of Object.entries(route.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, description: spec.description, schema: { type: 'string', pattern: spec.pattern.source } });
  }
  if (route.access === 'token' && route.tag === 'tagging' && route.method === 'POST') {
    parameters.push({
      name: 'X-Onscreen-On-Behalf-Of', in: 'header', required: false,
      description: 'The person the client acts for (percent-encoded if not ASCII), when the body has no `onBehalfOf`; the client itself is the token.',
      schema: { type: 'string', maxLength: 80 },
    });
  }
  if (route.query) {
    const schema = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property });
    }
  }
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const type = spec.contentType ?? 'application/json';
    responses[status] = {
      description: spec.description,
      ...(status === '204' ? {} : { content: { [type]: spec.schema ? { schema: { $ref: `#/components/schemas/${spec.schema}` } } : {} } }),
    };
  }
  if (route.access === 'token') {
    responses['401'] ??= { description: 'Missing or wrong token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    responses['429'] ??= { description: 'Rate limited (see Retry-After)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.tag],
    security: route.access === 'token' ? [{ bearer: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body === 'binary'
      ? { requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } } }
      : route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
    responses,
  };
}

function operationId(route: AnyRoute): string {
  const words = route.path.replace(/^\/api(\/v1)?/, '').split(/[/.:-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const prefix = route.path.startsWith('/api') ? route.method.toLowerCase() : 'page';
  return `${prefix}${words.join('') || 'Root'}`;
}
