/**
 * Collections through the real HTTP server, SQLite and analysis folders: create, add jobs, a report
 * whose sums match each job's own report and that follows later tags, removal, deleted jobs, bad input.
 * The analyses are small ones made in code (helpers/tiny-analysis.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Job } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

let s: TestService;
const jobs: Job[] = [];
const processor: AnalysisProcessor = async () => makeTinyAnalysis('/server/path/upload.mp4');

const rejectsWith = async (promise: Promise<unknown>, code: string, message: RegExp) => {
  await assert.rejects(promise, (error: unknown) => error instanceof OnscreenError && error.code === code && message.test(error.message));
};

before(async () => {
  s = await startTestService({}, { processor });
  for (const i of [1, 2, 3]) {
    const job = await s.client.uploadJob(new Uint8Array(4096).map((_, k) => (k * i) % 251), `episode ${i}.mp4`);
    jobs.push(await s.client.watchJob(job.id, () => undefined));
  }
  // Episode 1 and 2: person 0 a woman, person 1 a man; episode 3 left untagged.
  for (const job of jobs.slice(0, 2)) {
    await s.client.tag(job.id, 0, 'female', 'ana');
    await s.client.tag(job.id, 1, 'male', 'ana');
  }
});
after(() => s.close());

test('a collection adds its jobs up: totals are the sums of each job\'s own report', async () => {
  const collection = await s.client.createCollection('  Evening news  ');
  assert.equal(collection.name, 'Evening news');
  assert.match(collection.reportUrl, new RegExp(`/api/v1/collections/${collection.id}/report.html$`));
  const added = await s.client.addToCollection(collection.id, jobs.map((j) => j.id));
  assert.deepEqual(added.jobIds.sort(), jobs.map((j) => j.id).sort());

  const report = await s.client.getCollectionReport(collection.id);
  const own = await Promise.all(jobs.map((j) => s.client.getReport(j.id)));
  assert.equal(report.total.videos, 3);
  assert.equal(report.total.duration, own.reduce((sum, r) => sum + r.video.duration, 0));
  for (const group of ['female', 'male', 'unknown'] as const) {
    const seconds = own.reduce((sum, r) => sum + r.screenTime[group].seconds, 0);
    assert.ok(Math.abs(report.total.screenTime[group].seconds - seconds) < 1e-9, group);
    assert.ok(Math.abs(report.total.screenTime[group].share - seconds / report.total.duration) < 1e-9, group);
  }
  assert.ok(report.total.screenTime.female.seconds > 0 && report.total.screenTime.male.seconds > 0);
  assert.deepEqual(report.videos.map((v) => v.id).sort(), jobs.map((j) => j.id).sort());
  assert.deepEqual(report.videos.map((v) => v.title), own.map((r) => r.video.title));
  assert.equal(report.videos.find((v) => v.id === jobs[2]!.id)?.tagging.untagged, 3);
  assert.deepEqual(report.dateSources, { analysed: 3 });
});

test('the report follows tags given after the jobs were added', async () => {
  const collection = await s.client.createCollection('Follows tags');
  await s.client.addToCollection(collection.id, [jobs[2]!.id]);
  assert.equal((await s.client.getCollectionReport(collection.id)).total.screenTime.female.seconds, 0);
  await s.client.tag(jobs[2]!.id, 0, 'female', 'ana');
  const after = await s.client.getCollectionReport(collection.id);
  assert.equal(after.total.screenTime.female.seconds, (await s.client.getReport(jobs[2]!.id)).screenTime.female.seconds);
  assert.ok(after.total.screenTime.female.seconds > 0);
  await s.client.undo(jobs[2]!.id, 'ana');
  assert.equal((await s.client.getCollectionReport(collection.id)).total.screenTime.female.seconds, 0);
});

test('the report comes as CSV, HTML and charts; a job can be in several collections', async () => {
  const [first] = await s.client.listCollections().then((list) => list.filter((c) => c.name === 'Evening news'));
  assert.ok(first);
  const get = (path: string) => call(`${s.url}${path}`, { token: s.token });
  const csv = await get(`/api/v1/collections/${first.id}/report.csv?period=week`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /total\.videos,,3,videos/);
  const html = await get(`/api/v1/collections/${first.id}/report.html`);
  assert.match(String(html.headers.get('content-type')), /text\/html/);
  assert.match(html.text, /<h1>Evening news<\/h1>/);
  for (const chart of ['videos', 'trend', 'people']) {
    const png = await get(`/api/v1/collections/${first.id}/charts/${chart}.png`);
    assert.equal(png.status, 200, chart);
    assert.equal(png.headers.get('content-type'), 'image/png');
  }
  assert.equal((await get(`/api/v1/collections/${first.id}/charts/pie.png`)).status, 404);
  const all = await s.client.listCollections();
  assert.equal(all.filter((c) => c.jobIds.includes(jobs[2]!.id)).length, 2);
});

test('bad input gets one clear message and changes nothing', async () => {
  const collection = await s.client.createCollection('Careful');
  await rejectsWith(s.client.addToCollection(collection.id, [jobs[0]!.id, 'ffffffffffffffffffff']), 'job_not_found', /No job ffffffffffffffffffff.*Nothing was added/);
  assert.deepEqual((await s.client.getCollection(collection.id)).jobIds, []);
  await rejectsWith(s.client.getCollectionReport(collection.id), 'collection_empty', /has no analysed videos yet: add analyses to it first/);
  await rejectsWith(s.client.createCollection(' '), 'bad_request', /name/);
  await rejectsWith(s.client.createCollection('x'.repeat(201)), 'bad_request', /200/);
  await rejectsWith(s.client.getCollection('ffffffffffffffffffff'), 'collection_not_found', /No collection/);
  await rejectsWith(s.client.getCollection('nope'), 'collection_not_found', /20 hexadecimal/);
  await rejectsWith(s.client.removeFromCollection(collection.id, jobs[0]!.id), 'job_not_found', /not in this collection/);
  const noToken = await fetch(`${s.url}/api/v1/collections`);
  assert.equal(noToken.status, 401);
});

test('a deleted job leaves every collection and the reports add up without it', async () => {
  const collection = await s.client.createCollection('Deletion');
  const extra = await s.client.watchJob((await s.client.uploadJob(new Uint8Array(4096).fill(7), 'to delete.mp4')).id, () => undefined);
  await s.client.addToCollection(collection.id, [jobs[0]!.id, extra.id]);
  await s.client.deleteJob(extra.id);
  assert.deepEqual((await s.client.getCollection(collection.id)).jobIds, [jobs[0]!.id]);
  const report = await s.client.getCollectionReport(collection.id);
  assert.equal(report.total.videos, 1);
  await rejectsWith(s.client.addToCollection(collection.id, [extra.id]), 'job_not_found', /deleted/);
  await s.client.deleteCollection(collection.id);
  await rejectsWith(s.client.getCollection(collection.id), 'collection_not_found', /No collection/);
  assert.equal((await s.client.getJob(jobs[0]!.id)).id, jobs[0]!.id, 'deleting a collection keeps its jobs');
});

test("another workspace's token sees no collection of this one, and cannot pull this workspace's jobs into its own", async () => {
  const mine = await s.client.createCollection('Ours');
  await s.client.addToCollection(mine.id, [jobs[0]!.id]);
  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival', { workspace: 'other-newsroom' }) });
  assert.deepEqual(await rival.listCollections(), []);
  const attempts = [
    () => rival.getCollection(mine.id),
    () => rival.getCollectionReport(mine.id),
    () => rival.addToCollection(mine.id, [jobs[1]!.id]),
    () => rival.deleteCollection(mine.id),
    () => rival.removeFromCollection(mine.id, jobs[0]!.id),
  ];
  for (const attempt of attempts) await rejectsWith(attempt(), 'collection_not_found', /No collection .*: it never existed, or it was deleted/);
  const theirs = await rival.createCollection('Theirs');
  await rejectsWith(rival.addToCollection(theirs.id, [jobs[0]!.id]), 'job_not_found', /No job .*Nothing was added/);
  assert.deepEqual((await rival.getCollection(theirs.id)).jobIds, []);
  assert.deepEqual((await s.client.getCollection(mine.id)).jobIds, [jobs[0]!.id], 'ours is untouched');
  assert.ok(!(await s.client.listCollections()).some((c) => c.id === theirs.id), 'and theirs is not ours to see');
});
