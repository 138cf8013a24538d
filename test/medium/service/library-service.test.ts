/**
 * The people library in the service, through the real HTTP server and SQLite: off until switched on;
 * recognition on the API server when a worker's result arrives; add a job's people, rename, remove
 * (every signature and thumbnail gone from the database file), forget; deleting a job keeps its
 * library people. The analyses are small ones made in code, with synthetic face signatures.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis, type SignedTrack } from '../../unit/library/library-fixture.js';
import { call, startTestService, type Body, type TestService } from './helpers/test-service.js';

let s: TestService;
const videos: SignedTrack[][][] = [
  [[{ identity: 1, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, samples: range(6, 4), quality: 0.8 }]],
  [[{ identity: 1, shot: 4, samples: range(0, 4), quality: 0.8 }], [{ identity: 7, samples: range(6, 4) }]],
];
let analysed = 0;
/** The first job shows Ana and Rui; the next, Ana in another shot and a stranger. */
const processor: AnalysisProcessor = async () => {
  const k = Math.min(analysed++, 1);
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, clusters: videos[k]!, createdAt: `2024-0${k + 1}-01T00:00:00.000Z` });
  const thumbnails = new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`face ${t.id} of video ${k}`)] as const));
  return { analysis, thumbnails, embeddings };
};
const api = (path: string, init: RequestInit = {}) => call(`${s.url}/api/v1${path}`, { ...init, token: s.token, headers: { 'content-type': 'application/json' } });
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
const databaseBytes = () => ['onscreen.sqlite', 'onscreen.sqlite-wal'].map((n) => join(s.dataDir, n)).filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('');
const analyse = async (name: string, seed: number) => {
  const job = await s.client.uploadJob(new Uint8Array(2048).map((_, i) => (i * seed) % 251), name);
  return s.client.watchJob(job.id, () => undefined);
};

before(async () => {
  s = await startTestService({ libraryEnabled: true }, { processor });
});
after(() => s.close());

test('the library is off unless switched on', async () => {
  const off = await startTestService({}, { processor });
  try {
    const response = await call(`${off.url}/api/v1/library`, { token: off.token });
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'library_off');
  } finally {
    await off.close();
  }
});

test('add, recognise on the server, not them, rename, delete the job, remove, forget', async () => {
  const first = await analyse('first.mp4', 3);
  await post(`/jobs/${first.id}/tags`, { person: 0, tag: 'female', by: 'sam' });
  await post(`/jobs/${first.id}/name`, { person: 0, name: 'Ana Lima', by: 'sam' });
  await post(`/jobs/${first.id}/tags`, { person: 1, tag: 'male', by: 'sam' });
  const added = await post('/library/people', { jobId: first.id, by: 'sam' });
  assert.equal(added.status, 200, added.text);
  assert.deepEqual(added.body.added.map((p: Body) => [p.id, p.name, p.gender]), [['p1', 'Ana Lima', 'female'], ['p2', null, 'male']]);

  const second = await analyse('second.mp4', 5);
  const people = (await api(`/jobs/${second.id}/people`)).body.people as Body[];
  assert.deepEqual(people.map((p) => [p.known?.person ?? null, p.tag, p.tagOrigin, p.name]), [['p1', 'female', 'library', 'Ana Lima'], [null, null, null, null]]);
  const rejected = await post(`/jobs/${second.id}/not-them`, { person: 0, by: 'kim' });
  assert.deepEqual([rejected.body.people[0].known, rejected.body.people[0].tag], [null, null]);
  const undone = await post(`/jobs/${second.id}/undo`, { by: 'kim' });
  assert.equal(undone.body.people[0].known.name, 'Ana Lima');
  // Correcting the library's tag here updates the library; confirming it changes nothing there.
  await post(`/jobs/${second.id}/tags`, { person: 0, tag: 'unknown', by: 'kim' });
  const corrected = ((await api('/library')).body.people as Body[]).find((p) => p.id === 'p1');
  assert.deepEqual([corrected.gender, corrected.taggedBy], ['unknown', 'kim']);
  await post(`/jobs/${second.id}/tags`, { person: 1, tag: 'male', by: 'kim' });
  assert.equal(((await api('/library')).body.people as Body[]).length, 2, 'tagging someone not recognised adds nobody by itself');

  const bad = await post('/library/people/p1/rename', { name: '', by: 'kim' });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /cannot be empty/);
  assert.equal((await post('/library/people/p2/rename', { name: 'Rui Costa', by: 'kim' })).body.name, 'Rui Costa');
  assert.equal((await post('/library/people/p9/rename', { name: 'X', by: 'kim' })).body.error.code, 'library_person_unknown');

  assert.equal((await api(`/jobs/${first.id}`, { method: 'DELETE' })).status, 204);
  const library = (await api('/library')).body.people as Body[];
  assert.deepEqual(library.map((p) => [p.id, p.name, p.seenIn.length]), [['p1', 'Ana Lima', 1], ['p2', 'Rui Costa', 1]], 'deleting a job keeps its library people');
  assert.equal((await api('/library/people/p2/thumbnail.jpg')).text, 'face 1 of video 0');

  const stored = (id: string) => {
    const text = databaseBytes();
    const at = text.indexOf(`"id":"${id}"`);
    return at >= 0 ? /"vector":"([^"]{40})/.exec(text.slice(at))?.[1] : undefined;
  };
  const rui = stored('p2');
  assert.ok(rui, 'the signature is in the database');
  assert.equal((await api('/library/people/p2', { method: 'DELETE' })).status, 200);
  assert.equal((await api('/library/people/p2/thumbnail.jpg')).status, 404);
  assert.ok(!databaseBytes().includes(rui), 'no trace of a removed person in the database file');
  const ana = stored('p1');
  assert.equal((await post('/library/forget', { by: 'kim' })).body.forgotten, 1);
  assert.deepEqual((await api('/library')).body.people, []);
  const left = databaseBytes();
  // No face signature or picture is left anywhere in the database, and the jobs no longer say whom the
  // library recognised (library-traces.test.ts); the tag a person gave there stays.
  assert.ok(!left.includes(ana!) && !left.includes('face 0 of video 0'), 'forget leaves no signature or picture in rows');
  const [ana2] = (await api(`/jobs/${second.id}/people`)).body.people as Body[];
  assert.deepEqual([ana2.known, ana2.tag, ana2.tagOrigin], [null, 'unknown', 'person']);
});

test("each workspace has its own library: another workspace's token sees none of this one's people and cannot add this one's jobs", async () => {
  const job = await analyse('ours.mp4', 11);
  await s.client.tag(job.id, 0, 'female', 'sam');
  assert.equal((await post('/library/people', { jobId: job.id, by: 'sam' })).status, 200);
  assert.ok(((await api('/library')).body.people as Body[]).length > 0, 'our library has people');
  const rival = s.service.tokens.create('rival', { workspace: 'other-newsroom' });
  const theirs = (path: string, init: RequestInit = {}) => call(`${s.url}/api/v1${path}`, { ...init, token: rival, headers: { 'content-type': 'application/json' } });
  assert.deepEqual((await theirs('/library')).body.people, [], 'their library is empty');
  const pulled = await theirs('/library/people', { method: 'POST', body: JSON.stringify({ jobId: job.id }) });
  assert.deepEqual([pulled.status, pulled.body.error.code], [404, 'job_not_found']);
  const ours = ((await api('/library')).body.people as Body[])[0]!;
  assert.equal((await theirs(`/library/people/${ours.id}/thumbnail.jpg`)).status, 404);
  assert.equal((await theirs(`/library/people/${ours.id}`, { method: 'DELETE' })).status, 404);
  assert.ok(((await api('/library')).body.people as Body[]).some((p) => p.id === ours.id), 'ours is untouched');
});
