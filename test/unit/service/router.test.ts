import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { Router, type AnyRoute } from '../../../engine/src/api/router.js';
import { PARAMS } from '../../../engine/src/api/schemas.js';

const route = (method: AnyRoute['method'], path: string, params: AnyRoute['params'] = {}): AnyRoute => ({
  method, path, params, access: 'token', summary: path, tag: 't', responses: {}, handle: () => ({ status: 204 }),
});
const router = new Router([
  route('GET', '/api/v1/jobs/:id', { id: PARAMS.id }),
  route('DELETE', '/api/v1/jobs/:id', { id: PARAMS.id }),
  route('POST', '/api/v1/jobs/upload'),
  route('GET', '/api/v1/jobs/:id/charts/:chart.png', { id: PARAMS.id, chart: PARAMS.chart }),
  route('GET', '/api/v1/jobs/:id/people/:pid/thumbnail.jpg', { id: PARAMS.id, pid: PARAMS.pid }),
]);
const ID = '0123456789abcdef0123';

function matched(method: string, path: string) {
  const match = router.match(method, path);
  return match && match !== 'method' ? { path: match.route.path, params: match.params } : match;
}

test('matches parameters, including a segment with a suffix', () => {
  assert.deepEqual(matched('GET', `/api/v1/jobs/${ID}`), { path: '/api/v1/jobs/:id', params: { id: ID } });
  assert.deepEqual(matched('GET', `/api/v1/jobs/${ID}/charts/share.png`), { path: '/api/v1/jobs/:id/charts/:chart.png', params: { id: ID, chart: 'share' } });
  assert.deepEqual(matched('GET', `/api/v1/jobs/${ID}/people/12/thumbnail.jpg`)?.valueOf(), { path: '/api/v1/jobs/:id/people/:pid/thumbnail.jpg', params: { id: ID, pid: '12' } });
});

test('a literal path wins over a parameter, and other methods are told apart from no route', () => {
  assert.deepEqual(matched('POST', '/api/v1/jobs/upload'), { path: '/api/v1/jobs/upload', params: {} });
  assert.equal(router.match('POST', `/api/v1/jobs/${ID}`), 'method');
  assert.equal(router.match('GET', '/api/v1/nothing'), null);
});

test('path tricks never reach a handler: encoded slashes stay in one segment and fail the id pattern', () => {
  const notFound = (error: unknown) => error instanceof OnscreenError && error.status === 404;
  assert.throws(() => router.match('GET', '/api/v1/jobs/..%2f..%2fetc%2fpasswd'), notFound);
  assert.equal(router.match('GET', '/api/v1/jobs/..%2f..%2fetc/passwd'), null);
  assert.equal(router.match('GET', '/api/v1/jobs/../../etc/passwd'), null);
  assert.throws(() => router.match('GET', `/api/v1/jobs/${ID}/charts/..%2fsecret.png`), notFound);
  assert.throws(() => router.match('GET', `/api/v1/jobs/${ID}/charts/pie.png`), notFound);
  assert.throws(() => router.match('GET', `/api/v1/jobs/${ID}/people/-1/thumbnail.jpg`), notFound);
  assert.throws(() => router.match('GET', `/api/v1/jobs/${ID.toUpperCase()}`), notFound);
});
