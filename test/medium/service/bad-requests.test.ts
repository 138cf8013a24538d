/**
 * Bad requests of every kind get the right 4xx and a clear message, nothing outside the data
 * folder is ever read, and the service keeps serving. Real HTTP, SQLite and files; the analysis
 * is a small analysis made in code (this test is about the API, not the pipeline).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { call, startTestService, type Body, type TestService } from './helpers/test-service.js';

let s: TestService;
let ready: Job;
let blocked: Job;
const UNKNOWN_ID = 'abcdefabcdefabcdef00';

/** Finishes at once with the tiny analysis, or, once `isBlocking`, never (a job that stays in analysis). */
let isBlocking = false;
const processor: AnalysisProcessor = (_task, { signal }) =>
  isBlocking
    ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))
    : Promise.resolve(makeTinyAnalysis());

before(async () => {
  s = await startTestService({ uploadLimitBytes: 1024 * 1024, allowPrivateNetwork: false, concurrency: 2, corsOrigins: 'https://newsroom.example' }, { processor, render: undefined });
  const files = await s.client.uploadJob(new Uint8Array(2048).fill(7), 'clip.mp4');
  ready = await waitForStatus(files.id, 'tagging');
  isBlocking = true;
  blocked = await s.client.uploadJob(new Uint8Array(1024).fill(1), 'slow-clip.mp4');
});
after(() => s.close());

async function waitForStatus(id: string, status: Job['status']): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = await s.client.getJob(id);
    if (job.status === status) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} never reached ${status}`);
}

function expectError(result: { status: number; body: Body }, status: number, code: string, message?: RegExp): void {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.equal(result.body?.error?.code, code);
  assert.equal(typeof result.body.error.message, 'string');
  assert.ok(result.body.error.message.length > 10, 'a sentence, not a code');
  assert.doesNotMatch(result.body.error.message, /\n\s+at /, 'no stack trace');
  if (message) assert.match(result.body.error.message, message);
}

const api = (path: string) => `${s.url}/api/v1${path}`;
const json = (body: unknown, token = s.token): RequestInit & { token: string } => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body), token });

test('missing, malformed, wrong and revoked tokens: 401 with what to do', async () => {
  expectError(await call(api('/jobs')), 401, 'unauthorized', /Authorization: Bearer/);
  expectError(await call(api('/jobs'), { headers: { authorization: 'Basic dXNlcjpwdw==' } }), 401, 'unauthorized', /not valid/);
  expectError(await call(api('/jobs'), { token: 'ons_' + 'x'.repeat(43) }), 401, 'unauthorized', /unknown or revoked/);
  const doomed = s.service.tokens.create('doomed');
  assert.equal((await call(api('/jobs'), { token: doomed })).status, 200);
  s.service.tokens.revoke('doomed');
  expectError(await call(api('/jobs'), { token: doomed }), 401, 'unauthorized');
  for (const path of ['/api/health', '/api/ready', '/api/openapi.json']) assert.equal((await call(`${s.url}${path}`)).status, 200, path);
});

test('malformed JSON, the wrong content type and schema violations: 400 naming the problem', async () => {
  expectError(await call(api('/jobs'), json('{"url": "https://media.example/v.mp4",')), 400, 'bad_request', /not valid JSON/);
  expectError(await call(api('/jobs'), json('')), 400, 'bad_request', /empty/);
  expectError(await call(api('/jobs'), { method: 'POST', body: '{"url":"https://media.example/v.mp4"}', headers: { 'content-type': 'text/plain' }, token: s.token }), 400, 'bad_request', /application\/json/);
  expectError(await call(api('/jobs'), json({})), 400, 'bad_request', /"url" is missing/);
  expectError(await call(api('/jobs'), json({ url: 'https://media.example/v.mp4', colour: 'red' })), 400, 'bad_request', /unknown field "colour"/);
  expectError(await call(api('/jobs'), json({ url: 'https://media.example/v.mp4', options: { fps: 500 } })), 400, 'bad_request', /fps/);
  expectError(await call(api('/jobs'), json([1, 2])), 400, 'bad_request');
  expectError(await call(api(`/jobs/${ready.id}/tags`), json({ person: 0, tag: 'woman', by: 'me' })), 400, 'bad_request', /"tag"/);
  expectError(await call(api(`/jobs/${ready.id}/tags`), json({ person: 0, tag: 'female', by: '<script>' })), 400, 'bad_request', /"by": may hold only letters/);
  expectError(await call(api(`/jobs/${ready.id}/tags`), json({ person: 0, tag: 'female', onBehalfOf: 'x'.repeat(81) })), 400, 'bad_request', /"onBehalfOf": is longer than 80/);
  expectError(await call(api('/jobs?limit=many'), { token: s.token }), 400, 'bad_request', /limit/);
});

test('invalid and private URLs are refused before anything is fetched', async () => {
  expectError(await call(api('/jobs'), json({ url: 'ftp://media.example/v.mp4' })), 400, 'url_invalid', /http/);
  expectError(await call(api('/jobs'), json({ url: 'not a url at all' })), 400, 'url_invalid');
  expectError(await call(api('/jobs'), json({ url: 'file:///etc/passwd' })), 400, 'url_invalid');
  for (const url of ['http://127.0.0.1:8080/v.mp4', 'http://localhost/v.mp4', 'http://10.1.2.3/v.mp4', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/v.mp4', 'http://192.168.1.1/v.mp4']) {
    const refused = await call(api('/jobs'), json({ url }));
    expectError(refused, 422, 'url_private_address', /private/);
    assert.match(refused.body.error.hint, /ONSCREEN_ALLOW_PRIVATE_NETWORK=true/, 'the refusal names the setting that allows it');
  }
  assert.equal((await s.client.listJobs()).jobs.length, 2, 'no job was created');
});

test('oversized bodies: 413 for JSON past 64 KiB and uploads past the limit, declared or streamed', async () => {
  expectError(await call(api('/jobs'), json({ url: `https://media.example/${'a'.repeat(70_000)}` })), 413, 'payload_too_large');
  const big = new Uint8Array(1024 * 1024 + 1);
  expectError(await call(api('/jobs/upload?filename=big.mp4'), { method: 'POST', body: big, headers: { 'content-type': 'application/octet-stream' }, token: s.token }), 413, 'video_too_large', /1 MiB/);
  const chunks = (async function* () {
    for (let i = 0; i < 40; i++) yield new Uint8Array(64 * 1024);
  })();
  const streamed = await call(api('/jobs/upload?filename=streamed.mp4'), { method: 'POST', body: chunks as never, duplex: 'half', headers: { 'content-type': 'application/octet-stream' }, token: s.token } as RequestInit & { token: string });
  expectError(streamed, 413, 'video_too_large');
  expectError(await call(api('/jobs/upload?filename=empty.mp4'), { method: 'POST', body: new Uint8Array(0), token: s.token }), 422, 'video_empty');
  expectError(await call(api('/jobs/upload'), { method: 'POST', body: new Uint8Array(10), token: s.token }), 400, 'bad_request', /filename/);
  assert.equal((await s.client.listJobs()).jobs.length, 2, 'no job was created');
});

test('unknown jobs, people and charts: 404; a job still analysing: 409', async () => {
  expectError(await call(api(`/jobs/${UNKNOWN_ID}`), { token: s.token }), 404, 'job_not_found');
  expectError(await call(api(`/jobs/${UNKNOWN_ID}`), { method: 'DELETE', token: s.token }), 404, 'job_not_found');
  expectError(await call(api(`/jobs/${UNKNOWN_ID}/people`), { token: s.token }), 404, 'job_not_found');
  expectError(await call(api('/jobs/not-a-job'), { token: s.token }), 404, 'job_not_found', /20 hexadecimal/);
  expectError(await call(api(`/jobs/${ready.id}/people/99/thumbnail.jpg`), { token: s.token }), 404, 'cluster_unknown');
  expectError(await call(api(`/jobs/${ready.id}/tags`), json({ person: 99, tag: 'female', by: 'me' })), 404, 'cluster_unknown', /99/);
  expectError(await call(api(`/jobs/${ready.id}/merge`), json({ into: 1, from: 1, by: 'me' })), 400, 'bad_request', /itself/);
  expectError(await call(api(`/jobs/${ready.id}/split`), json({ person: 1, by: 'me' })), 400, 'bad_request', /one track/);
  expectError(await call(api(`/jobs/${ready.id}/undo`), json({ by: 'me' })), 409, 'nothing_to_undo');
  expectError(await call(api(`/jobs/${ready.id}/charts/pie.png`), { token: s.token }), 404, 'not_found', /share, timeline, persons/);
  expectError(await call(api(`/jobs/${blocked.id}/people`), { token: s.token }), 409, 'job_not_ready', /still being analysed/);
  expectError(await call(api(`/jobs/${blocked.id}/report`), { token: s.token }), 409, 'job_not_ready');
  expectError(await call(api('/jobs'), { method: 'PUT', token: s.token }), 404, 'not_found', /PUT is not supported/);
  expectError(await call(`${s.url}/api/v2/jobs`, { token: s.token }), 404, 'not_found', /no API endpoint/);
});

test('path tricks never read a file outside the data folder', async () => {
  const tricks = [
    '/api/v1/jobs/..%2f..%2f..%2fetc%2fpasswd',
    '/api/v1/jobs/..%2f..%2fetc/passwd',
    `/api/v1/jobs/${ready.id}/charts/..%2f..%2f..%2fetc%2fpasswd.png`,
    `/api/v1/jobs/${ready.id}/people/..%2f..%2fanalysis/thumbnail.jpg`,
    `/api/v1/uploads/${ready.id}/..%2f..%2fonscreen.sqlite?expires=9999999999&sig=x`,
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/package.json',
    '/jobs/..%2f..%2fetc%2fpasswd',
    '/api/v1/jobs/%00',
    '//etc/passwd',
  ];
  for (const path of tricks) {
    const result = await call(`${s.url}${path}`, { token: s.token });
    assert.ok(result.status >= 400 && result.status < 500, `${path}: ${result.status}`);
    assert.doesNotMatch(result.text, /root:|SQLite format|"dependencies"/, path);
  }
  // A raw request line that fetch would normalise: sent as is over a socket.
  const raw = await rawRequest(`GET /api/v1/jobs/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.token}\r\nConnection: close\r\n\r\n`);
  assert.match(raw, /^HTTP\/1\.1 404/);
  assert.doesNotMatch(raw, /root:/);
  expectError(await call(`${s.url}/api/v1/uploads/${ready.id}/clip.mp4?expires=9999999999&sig=forged`), 403, 'forbidden', /invalid or has expired/);
});

test('CORS answers configured origins only', async () => {
  const preflight = (origin: string) => call(api('/jobs'), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
  const allowed = await preflight('https://newsroom.example');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://newsroom.example');
  assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
  const refused = await preflight('https://evil.example');
  expectError(refused, 403, 'forbidden', /ONSCREEN_CORS_ORIGINS/);
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
  const simple = await call(api('/jobs'), { token: s.token, headers: { origin: 'https://evil.example' } });
  assert.equal(simple.headers.get('access-control-allow-origin'), null);
});

test('after all that, the service still serves', async () => {
  assert.equal((await call(`${s.url}/api/health`)).status, 200);
  const people = await s.client.getPeople(ready.id);
  assert.equal(people.people.length, 3);
  assert.equal((await s.client.tag(ready.id, 0, 'female', 'tester')).people[0]!.tag, 'female');
});

test('each token has its own rate limit: 429 with Retry-After, other tokens unaffected', async () => {
  const limited = await startTestService({ rateLimitPerMinute: 60, rateLimitBurst: 5 }, { processor });
  try {
    const other = limited.service.tokens.create('other');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await call(`${limited.url}/api/v1/jobs`, { token: limited.token })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await call(`${limited.url}/api/v1/jobs`, { token: limited.token });
    expectError(refused, 429, 'rate_limited', /try again in \d+ s/);
    assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((await call(`${limited.url}/api/v1/jobs`, { token: other })).status, 200);
    assert.equal((await call(`${limited.url}/api/health`)).status, 200);
  } finally {
    await limited.close();
  }
});

function rawRequest(text: string): Promise<string> {
  return import('node:net').then(({ createConnection }) => new Promise((resolve, reject) => {
    const { port, hostname } = new URL(s.url);
    const socket = createConnection({ port: Number(port), host: hostname }, () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  }));
}
