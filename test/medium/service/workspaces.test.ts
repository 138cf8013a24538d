/**
 * Access is scoped to a workspace, through the real service (HTTP, SQLite, analysis folders):
 * another workspace's token reads, tags, undoes and deletes nothing of a job (issue 10's
 * reproduction) and learns nothing of it (404, as for a job that never existed); tokens of one
 * workspace share its jobs; edits are attributed to the token, "on behalf of" a checked name;
 * admin tokens manage workspaces; a database from before workspaces moves into "default".
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Job } from '../../../shared/src/api/types.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { MIGRATIONS, openDatabase } from '../../../engine/src/storage/database.js';
import { JobsRepository } from '../../../engine/src/storage/jobs.repository.js';
import { TokensRepository } from '../../../engine/src/storage/tokens.repository.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

const VIDEO = new Uint8Array(4096).map((_, i) => (i * 7) % 251);
const processor: AnalysisProcessor = async () => makeTinyAnalysis('/server/path/upload.mp4');

let s: TestService;
let rival: { token: string; client: OnscreenClient };
let colleague: OnscreenClient;
let admin: { token: string; client: OnscreenClient };
let job: Job;

const connect = (token: string) => new OnscreenClient({ baseUrl: s.url, token });

before(async () => {
  s = await startTestService({}, { processor });
  const rivalToken = s.service.tokens.create('rival', { workspace: 'other-newsroom' });
  rival = { token: rivalToken, client: connect(rivalToken) };
  colleague = connect(s.service.tokens.create('colleague'));
  const adminToken = s.service.tokens.create('root', { workspace: 'ops', isAdmin: true });
  admin = { token: adminToken, client: connect(adminToken) };
  job = await s.client.watchJob((await s.client.uploadJob(VIDEO, 'evening.mp4')).id, () => undefined);
  assert.equal(job.status, 'tagging');
});
after(() => s.close());

test("another workspace's token cannot read, tag, undo or delete a job, and is told only that there is no such job", async () => {
  await s.client.tag(job.id, 0, 'female', 'ana');
  const api = `${s.url}/api/v1/jobs/${job.id}`;
  const never = await call(`${s.url}/api/v1/jobs/0123456789abcdef0123`, { token: rival.token });
  assert.equal(never.status, 404);
  const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, token: rival.token });
  const probes: [string, RequestInit & { token: string }][] = [
    [api, { token: rival.token }],
    [`${api}/people`, { token: rival.token }],
    [`${api}/people/0/thumbnail.jpg`, { token: rival.token }],
    [`${api}/history`, { token: rival.token }],
    [`${api}/report`, { token: rival.token }],
    [`${api}/report.csv`, { token: rival.token }],
    [`${api}/report.html`, { token: rival.token }],
    [`${api}/charts/share.png`, { token: rival.token }],
    [`${api}/events`, { token: rival.token }],
    [`${api}/share-links`, { token: rival.token }],
    [`${api}/tags`, post({ person: 1, tag: 'male' })],
    [`${api}/merge`, post({ into: 0, from: 2 })],
    [`${api}/split`, post({ person: 0 })],
    [`${api}/accept-suggestions`, post({})],
    [`${api}/undo`, post({})],
    [`${api}/finish`, post({})],
    [`${api}/share-links`, post({})],
    [api, { method: 'DELETE', token: rival.token }],
  ];
  for (const [url, init] of probes) {
    const answer = await call(url, init);
    assert.equal(answer.status, 404, `${init.method ?? 'GET'} ${url.slice(s.url.length)}`);
    assert.equal(answer.body.error.code, 'job_not_found');
    assert.equal(answer.body.error.message, never.body.error.message.replace('0123456789abcdef0123', job.id), 'the same answer as for a job that never existed');
  }
  assert.deepEqual((await rival.client.listJobs()).jobs, [], 'not listed');
  assert.equal((await rival.client.status()).jobs.total, 0, 'not counted');

  const people = await s.client.getPeople(job.id);
  assert.equal(people.revision, 1, 'nothing was tagged or undone');
  assert.equal(people.people.find((p) => p.id === 0)!.tag, 'female');
  assert.equal((await s.client.getJob(job.id)).status, 'tagging', 'not finished, not deleted');
});

test("the same video in another workspace is a job of its own, never the first workspace's job reused", async () => {
  const theirs = await rival.client.uploadJob(VIDEO, 'evening.mp4');
  assert.notEqual(theirs.id, job.id);
  assert.equal(theirs.reused, false);
  const mine = await s.client.uploadJob(VIDEO, 'evening.mp4');
  assert.equal(mine.id, job.id, 'within a workspace, the job is reused');
  await rival.client.watchJob(theirs.id, () => undefined);
  assert.deepEqual((await rival.client.listJobs()).jobs.map((j) => j.id), [theirs.id]);
  await assert.rejects(s.client.getPeople(theirs.id), { code: 'job_not_found', message: `No job ${theirs.id}: it never existed, or it was deleted.` });
  await rival.client.tag(theirs.id, 1, 'male', 'slack:U42');
  await rival.client.deleteJob(theirs.id);
  assert.equal((await s.client.getPeople(job.id)).revision, 1, "the rival's edits went to its own job");
});

test('tokens of one workspace share its jobs; each edit names its token and the person it acted for', async () => {
  assert.deepEqual((await colleague.listJobs()).jobs.map((j) => j.id), [job.id]);
  await colleague.tag(job.id, 1, 'male', 'Ana María');
  const header = await call(`${s.url}/api/v1/jobs/${job.id}/tags`, {
    method: 'POST', token: s.token,
    headers: { 'content-type': 'application/json', 'x-onscreen-on-behalf-of': encodeURIComponent('Zoë O\'Neil') },
    body: JSON.stringify({ person: 2, tag: 'unknown' }),
  });
  assert.equal(header.status, 200, header.text);
  const { edits } = await s.client.history(job.id);
  assert.deepEqual(edits.slice(-2).map((e) => [e.by, e.onBehalfOf]), [['colleague', 'Ana María'], ['test-1', "Zoë O'Neil"]]);
  const person = (await s.client.getPeople(job.id)).people.find((p) => p.id === 1)!;
  assert.deepEqual([person.taggedBy, person.taggedOnBehalfOf], ['colleague', 'Ana María']);
  const undone = await colleague.undo(job.id);
  assert.equal(undone.people.find((p) => p.id === 2)!.tag, null, 'a colleague may undo');
  await s.client.tag(job.id, 2, 'unknown');
  assert.equal((await s.client.history(job.id)).edits.at(-1)!.onBehalfOf, undefined, 'no one named: the token alone');
});

test('"on behalf of" is checked: markup, control characters and long text are refused, and nothing is recorded', async () => {
  const before = (await s.client.history(job.id)).edits.length;
  const tag = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call(`${s.url}/api/v1/jobs/${job.id}/tags`, { method: 'POST', token: s.token, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ person: 0, tag: 'male', ...fields }) });
  for (const [fields, headers] of [
    [{ by: '<script>alert(1)</script>' }, {}],
    [{ onBehalfOf: '<img src=x onerror=alert(1)>' }, {}],
    [{ onBehalfOf: 'ana\u0000' }, {}],
    [{ onBehalfOf: 'a'.repeat(81) }, {}],
    [{ onBehalfOf: '"quoted"' }, {}],
    [{}, { 'x-onscreen-on-behalf-of': encodeURIComponent('<b>x</b>') }],
  ] as [Record<string, unknown>, Record<string, string>][]) {
    const answer = await tag(fields, headers);
    assert.equal(answer.status, 400, JSON.stringify(fields) + JSON.stringify(headers));
    assert.equal(answer.body.error.code, 'bad_request');
  }
  const requester = await call(`${s.url}/api/v1/jobs`, { method: 'POST', token: s.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://127.0.0.1/v.mp4', requester: '<script>' }) });
  assert.equal(requester.status, 400, 'a requester label is held to the same rules');
  assert.equal((await s.client.history(job.id)).edits.length, before);
  assert.equal((await tag({ onBehalfOf: 'a'.repeat(80) })).status, 200, '80 characters are fine');
});

test('an admin token manages workspaces and tokens through the API; other tokens may not', async () => {
  for (const path of ['/api/v1/admin/workspaces', '/api/v1/admin/tokens']) {
    const refused = await call(`${s.url}${path}`, { token: s.token });
    assert.equal(refused.status, 403, path);
    assert.match(refused.body.error.message, /admin token/);
  }
  const created = await admin.client.createToken('desk', 'third-desk');
  assert.match(created.token, /^ons_[\w-]{43}$/);
  assert.deepEqual([created.info.workspaceId, created.info.isAdmin], ['third-desk', false]);
  const desk = connect(created.token);
  assert.deepEqual((await desk.listJobs()).jobs, [], 'a new workspace sees no jobs');
  assert.equal((await call(`${s.url}/api/v1/jobs/${job.id}`, { token: created.token })).status, 404);

  const { workspaces } = await admin.client.listWorkspaces();
  const counts = Object.fromEntries(workspaces.map((w) => [w.id, [w.tokens, w.jobs]]));
  assert.deepEqual(counts, { default: [2, 1], 'other-newsroom': [1, 0], ops: [1, 0], 'third-desk': [1, 0] });
  assert.equal((await admin.client.createWorkspace('empty-desk')).id, 'empty-desk');
  assert.deepEqual((await admin.client.listTokens('default')).tokens.map((t) => t.name).sort(), ['colleague', 'test-1']);
  const listed = await call(`${s.url}/api/v1/admin/tokens`, { token: admin.token });
  assert.doesNotMatch(listed.text, /ons_/, 'tokens are never shown again');

  await admin.client.revokeToken('desk');
  assert.equal((await call(`${s.url}/api/v1/jobs`, { token: created.token })).status, 401, 'revoked at once');
  assert.equal((await call(`${s.url}/api/v1/admin/workspaces`, { token: admin.token, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"../x"}' })).status, 400);
});

test('a database from before workspaces moves its tokens and jobs into "default", and they keep working', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'onscreen-migrate-'));
  try {
    const old = new Database(join(dir, 'onscreen.sqlite'));
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO tokens (name, hash, created_at) VALUES ('old-bot', 'abc', '2026-01-01T00:00:00Z')").run();
    old.prepare(`INSERT INTO jobs (id, status, stage, source_kind, source_label, reuse_key, fps, created_at, updated_at)
      VALUES ('00000000000000000001', 'done', 'done', 'upload', 'a.mp4', 'k', 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run();
    old.close();
    const db = openDatabase(dir);
    try {
      assert.deepEqual(new TokensRepository(db).list().map((t) => [t.name, t.workspaceId, t.isAdmin]), [['old-bot', 'default', false]]);
      assert.equal(new JobsRepository(db).get('00000000000000000001')!.workspaceId, 'default');
      assert.deepEqual(db.prepare('SELECT id FROM workspaces').pluck().all(), ['default']);
    } finally {
      db.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
