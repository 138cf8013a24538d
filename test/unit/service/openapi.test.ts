import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ApiContext } from '../../../engine/src/api/context.js';
import { buildOpenApi, toOpenApiPath } from '../../../engine/src/api/openapi.js';
import { buildRoutes } from '../../../engine/src/api/routes.js';
import { PARAMS } from '../../../engine/src/api/schemas.js';

// Building the table calls no service; the handlers are not run here.
const routes = buildRoutes({} as ApiContext, () => ({}));
const doc = buildOpenApi(routes, '0.0.0') as { openapi: string; paths: Record<string, Record<string, { security: unknown[]; operationId: string }>> };

/** "GET /api/v1/jobs/:id" lines of the route list in the API contract's header comment. */
function contractRoutes(): string[] {
  const text = readFileSync(new URL('../../../shared/src/api/types.ts', import.meta.url), 'utf8');
  const header = text.slice(0, text.indexOf('*/'));
  return [...header.matchAll(/^\s*\*\s+(GET|POST|DELETE)\s+(\/\S*)/gm)].map((m) => `${m[1]} ${m[2]!.split('?')[0]!.replace(':name.png', ':chart.png')}`);
}

test('every route the server answers is in the OpenAPI document, with a unique operation id', () => {
  assert.equal(doc.openapi, '3.1.0');
  const ids = new Set<string>();
  for (const route of routes) {
    const operation = doc.paths[toOpenApiPath(route.path)]?.[route.method.toLowerCase()];
    assert.ok(operation, `${route.method} ${route.path} is not documented`);
    assert.ok(!ids.has(operation.operationId), `duplicate operation id ${operation.operationId}`);
    ids.add(operation.operationId);
    assert.equal(operation.security.length > 0, route.access === 'token', `${route.path}: security matches access`);
  }
  const documented = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
  assert.equal(documented, routes.length);
});

test('the route table implements exactly the routes of the API contract (plus the workers\' upload link)', () => {
  const served = routes.map((r) => `${r.method} ${r.path}`).sort();
  const contract = contractRoutes().sort();
  assert.ok(contract.length >= 25, `read ${contract.length} routes from the contract`);
  assert.deepEqual(served.filter((r) => !contract.includes(r)), ['GET /api/v1/uploads/:id/:filename', 'GET /assets/:asset']);
  assert.deepEqual(contract.filter((r) => !served.includes(r)), []);
});

test('only health, readiness, the document, the pages, signed upload links and read-only share links go without a token', () => {
  const open = routes.filter((r) => r.access !== 'token').map((r) => `${r.method} ${r.path}`).sort();
  assert.deepEqual(open, ['GET /', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/ready', 'GET /api/v1/uploads/:id/:filename', 'GET /assets/:asset', 'GET /collections', 'GET /collections/:id', 'GET /jobs/:id', 'GET /library', 'GET /share/:link']);
  const shared = routes.filter((r) => r.access === 'share');
  assert.deepEqual(shared.map((r) => r.method), ['GET'], 'a share link only reads');
  assert.ok(shared.every((r) => !r.path.includes(':id')), 'a share link takes no job id from the URL');
});

test('every token route that takes a job id is under /api/v1/jobs/:id, where the request handler checks its workspace', () => {
  const byJobId = routes.filter((r) => Object.values(r.params ?? {}).some((spec) => spec === PARAMS.id));
  assert.ok(byJobId.length >= 20, `${byJobId.length} routes take a job id`);
  // Taking a job out of a collection: the collection's own workspace check (CollectionsService) scopes it, and only
  // that workspace's jobs can be in it (test/medium/service/collections.test.ts).
  const scopedByCollection = ['DELETE /api/v1/collections/:cid/jobs/:id'];
  for (const route of byJobId.filter((r) => r.access === 'token' && !scopedByCollection.includes(`${r.method} ${r.path}`))) {
    assert.ok(route.path === '/api/v1/jobs/:id' || route.path.startsWith('/api/v1/jobs/:id/'), `${route.method} ${route.path}`);
    assert.ok(route.params?.id, `${route.method} ${route.path}: the job id is the :id parameter`);
  }
});
