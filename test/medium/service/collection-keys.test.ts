/**
 * Collections found by a key (the Slack bot's per-channel collections), reports over the jobs added
 * since a day, and a YouTube channel's totals (what the extension shows on a watch page), through the
 * real HTTP server and SQLite. The analyses are small ones made in code; two of them carry the
 * channel YouTube's metadata would give, as the source stage writes it into analysis.json.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Job } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

const CHANNEL = { id: 'UCabcdefghijklmnopqrstuv', handle: '@eveningnews', name: 'Evening News' };
let s: TestService;
const jobs: Job[] = [];

/** The first two videos (analysed one after another) come from the channel; the third from nowhere in particular. */
let analysed = 0;
const processor: AnalysisProcessor = async (task) => {
  const result = makeTinyAnalysis(task.source);
  if (analysed++ < 2) result.analysis.video.channel = CHANNEL;
  return result;
};

before(async () => {
  s = await startTestService({}, { processor });
  for (const [i, name] of ['news 1.mp4', 'news 2.mp4', 'other.mp4'].entries()) {
    const job = await s.client.uploadJob(new Uint8Array(4096).map((_, k) => (k * (i + 2)) % 251), name);
    jobs.push(await s.client.watchJob(job.id, () => undefined));
  }
  await s.client.tag(jobs[0]!.id, 0, 'female', 'ana');
  await s.client.tag(jobs[0]!.id, 1, 'male', 'ana');
});
after(() => s.close());

test('a key finds the same collection again, in its own workspace only', async () => {
  const key = 'slack-channel:T0001:CDESK';
  const first = await call(`${s.url}/api/v1/collections`, { method: 'POST', token: s.token, body: JSON.stringify({ name: 'Slack #desk', key }), headers: { 'content-type': 'application/json' } });
  assert.equal(first.status, 201);
  assert.equal(first.body.key, key);
  assert.equal(first.body.pageUrl, `/collections/${first.body.id}`);
  const again = await call(`${s.url}/api/v1/collections`, { method: 'POST', token: s.token, body: JSON.stringify({ name: 'another name', key }), headers: { 'content-type': 'application/json' } });
  assert.equal(again.status, 200, 'the existing one');
  assert.equal(again.body.id, first.body.id);
  assert.equal(again.body.name, 'Slack #desk');
  assert.equal((await s.client.findCollection(key))?.id, first.body.id);
  assert.equal(await s.client.findCollection('slack-channel:T0001:COTHER'), null);

  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival', { workspace: 'other-newsroom' }) });
  assert.equal(await rival.findCollection(key), null, 'another workspace does not see it');
  assert.notEqual((await rival.createCollection('Their desk', { key })).id, first.body.id, 'and gets its own');

  const bad = await call(`${s.url}/api/v1/collections?key=${encodeURIComponent('no key here')}`, { token: s.token });
  assert.equal(bad.status, 400);
});

test('a report since a day counts only the jobs added since then, charts included', async () => {
  const collection = await s.client.createCollection('Since', { key: 'slack-channel:T0001:CSINCE' });
  await s.client.addToCollection(collection.id, [jobs[0]!.id, jobs[2]!.id]);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const report = await s.client.getCollectionReport(collection.id, 'month', yesterday);
  assert.equal(report.total.videos, 2);
  assert.deepEqual(report.total.tagging, { byPerson: 2, fromLibrary: 0, acceptedSuggestion: 0, untagged: 4 });
  await assert.rejects(s.client.getCollectionReport(collection.id, 'month', tomorrow), (error: unknown) =>
    error instanceof OnscreenError && error.code === 'collection_empty' && /has no video added since/.test(error.message));
  const chart = await s.client.getCollectionChart(collection.id, 'videos', 'month', yesterday);
  assert.deepEqual([...chart.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  assert.equal((await call(`${s.url}/api/v1/collections/${collection.id}/report?since=last-week`, { token: s.token })).status, 400);
});

test('a YouTube channel adds up its analysed videos, found by id or by handle, with the collection the engine keeps for it', async () => {
  const byId = await s.client.channelTotals({ id: CHANNEL.id });
  assert.equal(byId.videos, 2);
  assert.deepEqual(byId.channel, CHANNEL);
  const own = await Promise.all(jobs.slice(0, 2).map((j) => s.client.getReport(j.id)));
  assert.equal(byId.total?.duration, own[0]!.video.duration + own[1]!.video.duration);
  assert.ok(Math.abs((byId.total?.screenTime.female.seconds ?? -1) - own[0]!.screenTime.female.seconds) < 1e-9, 'only the tagged video has a woman');
  assert.deepEqual(byId.total?.tagging, { byPerson: 2, fromLibrary: 0, acceptedSuggestion: 0, untagged: 4 });
  assert.ok(byId.collection, 'the channel\'s collection');
  assert.equal(byId.collection.name, 'YouTube channel: Evening News');
  assert.deepEqual([...byId.collection.jobIds].sort(), jobs.slice(0, 2).map((j) => j.id).sort());
  assert.equal(byId.collection.key, `youtube-channel:${CHANNEL.id}`);

  const byHandle = await s.client.channelTotals({ handle: '@EveningNews' });
  assert.equal(byHandle.videos, 2, 'handles compare without case');
  assert.equal(byHandle.collection?.id, byId.collection.id);

  const unknown = await s.client.channelTotals({ id: 'UCzzzzzzzzzzzzzzzzzzzzzz' });
  assert.deepEqual({ videos: unknown.videos, total: unknown.total, collection: unknown.collection }, { videos: 0, total: null, collection: null });

  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival-2', { workspace: 'elsewhere' }) });
  assert.equal((await rival.channelTotals({ id: CHANNEL.id })).videos, 0, 'another workspace\'s analyses are not counted');

  for (const query of ['', '?id=UC123', '?handle=no%20spaces']) {
    const answer = await call(`${s.url}/api/v1/youtube/channel-totals${query}`, { token: s.token });
    assert.equal(answer.status, 400, query);
    assert.equal(answer.body.error.code, 'bad_request');
  }
});

test('a collection has read-only share links: its report without a token, in its workspace only, gone with it', async () => {
  const collection = await s.client.createCollection('Shared desk');
  await s.client.addToCollection(collection.id, [jobs[0]!.id]);
  const link = await s.client.createCollectionShareLink(collection.id);
  assert.deepEqual(link.resource, { kind: 'collection', id: collection.id });
  const opened = await call(`${s.url}${link.url}`);
  assert.equal(opened.status, 200);
  assert.match(opened.text, /Shared desk/);
  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival-3', { workspace: 'third' }) });
  await assert.rejects(rival.createCollectionShareLink(collection.id), (error: unknown) => error instanceof OnscreenError && error.code === 'collection_not_found');
  await s.client.deleteCollection(collection.id);
  assert.equal((await call(`${s.url}${link.url}`)).status, 403, 'the link went with the collection');
});
