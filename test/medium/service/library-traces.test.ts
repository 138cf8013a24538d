/**
 * The people library and the jobs it recognised people in, through the real HTTP server and SQLite:
 * a correction made in a job (a tag, a name, "not them") reaches the library at once, and removing a
 * library person or forgetting the library takes every trace of it out of the workspace's jobs
 * (analysis.json, the people, the report), leaving the tags and names a person gave there.
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
  [[{ identity: 1, shot: 4, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, shot: 5, samples: range(6, 4), quality: 0.8 }]],
];
let analysed = 0;
/** The first job shows Ana and Rui; every later one shows them again, in other shots. */
const processor: AnalysisProcessor = async () => {
  const k = Math.min(analysed++, 1);
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, clusters: videos[k]!, createdAt: `2024-0${analysed}-01T00:00:00.000Z` });
  const thumbnails = new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`face ${t.id} of video ${k}`)] as const));
  return { analysis, thumbnails, embeddings };
};
const api = (path: string, init: RequestInit = {}) => call(`${s.url}/api/v1${path}`, { ...init, token: s.token, headers: { 'content-type': 'application/json' } });
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
const analyse = async (name: string, seed: number) => {
  const job = await s.client.uploadJob(new Uint8Array(2048).map((_, i) => (i * seed) % 251), name);
  return s.client.watchJob(job.id, () => undefined);
};
const libraryPerson = async (id: string): Promise<Body> => ((await api('/library')).body.people as Body[]).find((p) => p.id === id);
const peopleOf = async (jobId: string): Promise<Body[]> => (await api(`/jobs/${jobId}/people`)).body.people as Body[];
const databaseBytes = () => ['onscreen.sqlite', 'onscreen.sqlite-wal'].map((n) => join(s.dataDir, n)).filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('');
const storedAnalysis = (jobId: string) => readFileSync(join(s.dataDir, 'jobs', jobId, 'analysis.json'), 'utf8');

before(async () => {
  s = await startTestService({ libraryEnabled: true }, { processor });
  const first = await analyse('first.mp4', 3);
  await post(`/jobs/${first.id}/tags`, { person: 0, tag: 'female', by: 'sam' });
  await post(`/jobs/${first.id}/name`, { person: 0, name: 'Ana Lima', by: 'sam' });
  await post(`/jobs/${first.id}/tags`, { person: 1, tag: 'male', by: 'sam' });
  await post(`/jobs/${first.id}/name`, { person: 1, name: 'Rui Costa', by: 'sam' });
  const added = await post('/library/people', { jobId: first.id, by: 'sam' });
  assert.deepEqual(added.body.added.map((p: Body) => [p.id, p.name]), [['p1', 'Ana Lima'], ['p2', 'Rui Costa']]);
});
after(() => s.close());

test('a name or "not them" given in a job reaches the library at once', async () => {
  const job = await analyse('second.mp4', 5);
  assert.deepEqual((await peopleOf(job.id)).map((p) => p.known?.person), ['p1', 'p2']);
  // A new name for a recognised person renames the library person; giving the library's own name changes nothing.
  await post(`/jobs/${job.id}/name`, { person: 0, name: 'Ana Lima-Costa', by: 'kim' });
  assert.deepEqual([(await libraryPerson('p1')).name, (await libraryPerson('p1')).updatedBy], ['Ana Lima-Costa', 'kim (via test-1)'], 'who changed it: the person, and the client they acted through');
  await post(`/jobs/${job.id}/name`, { person: 1, name: 'Rui Costa', by: 'kim' });
  assert.equal((await libraryPerson('p2')).updatedBy, 'sam (via test-1)');

  // Rui, confirmed here and added: the library gains his face signatures from this job. Then "not them":
  // those signatures were someone else's, and leave the library at once.
  await post(`/jobs/${job.id}/tags`, { person: 1, tag: 'male', by: 'kim' });
  await post('/library/people', { jobId: job.id, by: 'kim' });
  const grown = await libraryPerson('p2');
  assert.deepEqual([grown.exemplars, grown.seenIn.length], [2, 2]);
  await post(`/jobs/${job.id}/not-them`, { person: 1, by: 'kim' });
  const shrunk = await libraryPerson('p2');
  assert.deepEqual([shrunk.exemplars, shrunk.seenIn.map((v: Body) => v.analysis)], [1, [grown.seenIn[0].analysis]]);
});

test('removing a library person takes their recognitions out of the jobs: a tag only the library gave goes, a person\'s stays', async () => {
  const [unconfirmed, confirmed] = [await analyse('third.mp4', 7), await analyse('fourth.mp4', 11)];
  await post(`/jobs/${confirmed.id}/tags`, { person: 0, tag: 'female', by: 'kim' });
  const before = await s.client.getReport(unconfirmed.id);
  assert.equal(before.people.female, 1, 'the library tagged her');
  assert.match(storedAnalysis(unconfirmed.id), /"person":"p1"/);
  const collection = await s.client.createCollection('Evenings');
  await s.client.addToCollection(collection.id, [unconfirmed.id, confirmed.id]);
  assert.ok((await s.client.getCollectionReport(collection.id)).people.some((p) => p.key === 'library:p1' && p.videos.length === 2));

  assert.equal((await api('/library/people/p1', { method: 'DELETE' })).status, 200);
  const summed = await s.client.getCollectionReport(collection.id);
  assert.ok(!JSON.stringify(summed).includes('p1') && !JSON.stringify(summed).includes('Ana Lima'), 'the collection no longer names the removed person');
  assert.equal(summed.total.people.female, 1, 'only the woman a person tagged is counted as one');
  // Nor does the database: the jobs' summaries (kept for collections) named her, and their earlier
  // versions must not stay in the file's pages or the WAL once rewritten.
  assert.ok(!databaseBytes().includes('"libraryPerson":"p1"'), 'no summary in the database file names the removed person');
  for (const job of [unconfirmed, confirmed]) {
    assert.doesNotMatch(storedAnalysis(job.id), /"person":"p1"|Ana Lima/, 'no trace of p1 in the analysis');
    assert.match(storedAnalysis(job.id), /"person":"p2"/, 'the other library person is still recognised');
  }
  const [ana] = await peopleOf(unconfirmed.id);
  assert.deepEqual([ana.known, ana.tag, ana.tagOrigin, ana.name], [null, null, null, null]);
  const [kept] = await peopleOf(confirmed.id);
  assert.deepEqual([kept.known, kept.tag, kept.tagOrigin, kept.taggedOnBehalfOf], [null, 'female', 'person', 'kim']);
  const after = await s.client.getReport(unconfirmed.id);
  assert.equal(after.people.female, 0, 'the report follows at once');

  // Forgetting the library takes every recognition out, in every job.
  assert.equal((await post('/library/forget', { by: 'kim' })).status, 200);
  for (const job of [unconfirmed, confirmed]) assert.doesNotMatch(storedAnalysis(job.id), /"known":\{/);
  assert.deepEqual((await peopleOf(confirmed.id)).map((p) => [p.known, p.tag]), [[null, 'female'], [null, null]]);
});

test('bad input through the API: one clear message, and neither the library nor the job changes', async () => {
  const job = await analyse('fifth.mp4', 13);
  const library = (await api('/library')).body;
  const history = (await api(`/jobs/${job.id}/history`)).body;
  // Nobody tagged by a person here (recognitions and suggestions only).
  await post(`/jobs/${job.id}/accept-suggestions`, { by: 'kim' });
  const nobody = await post('/library/people', { jobId: job.id, by: 'kim' });
  assert.deepEqual([nobody.status, nobody.body.error.code], [422, 'nothing_to_add']);
  assert.match(nobody.body.error.message, /Nobody in this analysis was tagged by a person/);
  const afterAccept = (await api(`/jobs/${job.id}/history`)).body;
  // Names: empty, or 500 characters.
  for (const name of ['  ', 'x'.repeat(500)]) {
    const bad = await post(`/jobs/${job.id}/name`, { person: 0, name, by: 'kim' });
    assert.equal(bad.status, 400, name.slice(0, 10));
    assert.match(bad.body.error.message, /cannot be empty|at most 120 characters/);
  }
  // Unknown people: in the library, and in the job.
  assert.equal((await api('/library/people/p99', { method: 'DELETE' })).body.error.code, 'library_person_unknown');
  assert.equal((await post(`/jobs/${job.id}/not-them`, { person: 42, by: 'kim' })).body.error.code, 'cluster_unknown');
  assert.deepEqual((await api(`/jobs/${job.id}/history`)).body, afterAccept);
  assert.deepEqual((await api('/library')).body, library);
  assert.ok(afterAccept.edits.every((e: Body) => e.kind === 'accept-suggestions') && history.edits.length === 0);
});
