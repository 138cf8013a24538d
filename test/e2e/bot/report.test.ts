/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
/**
 * `/onscreen report` against the Slack double and the real engine service (its analysis replaced by
 * a small made-up one): every analysis the bot starts joins its channel's collection in the engine;
 * the report posts that collection's figures as a summary with the collection's charts in its
 * thread; `/onscreen report <name>` does the same for a named collection; nothing yet, or an
 * unknown name, gets one private line. Video links point at a media server on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeTotals } from '../../../shared/src/format/totals.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from '../../medium/service/helpers/tiny-analysis.js';
import { startHarness, type Harness } from './harness.js';
import { startMediaServer, type MediaServer } from './media-server.js';
import { sendCommand } from './slack-requests.js';

let h: Harness;
let media: MediaServer | undefined;
let base = '';
const processor: AnalysisProcessor = async (task) => makeTinyAnalysis(task.source.split('/').at(-1));

before(async () => {
  [media, h] = await Promise.all([startMediaServer(), startHarness({ allowPrivateNetwork: true, processor })]);
  base = media.base;
});
after(() => Promise.all([h?.close(), media?.close()]));

async function command(text: string, channel: string, responseId: string): Promise<void> {
  assert.equal((await sendCommand(h.botUrl, { text, user: 'U1', channel, responseUrl: h.slack.responseUrl(responseId) })).status, 200);
}

/** Analyses a video from `/onscreen <link>` and waits until the bot has posted its people. */
async function analyse(path: string, channel: string): Promise<string> {
  const roots = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.args.thread_ts && c.result.ok);
  const before = roots().length;
  await command(`${base}${path}`, channel, `analyse-${path}`);
  const root = await h.slack.waitFor(`the root message for ${path}`, () => roots()[before]);
  await h.slack.waitFor(`the people of ${path}`, () => h.slack.thread(channel, root.result.ts).some((m) => m.text.startsWith('People in ')), 60_000);
  await h.bot.services.tasks.idle();
  const job = (await h.engineClient.listJobs()).jobs.find((j) => j.source.label.endsWith(path));
  assert.ok(job, `the job of ${path}`);
  return job.id;
}

const privateLine = (responseId: string) => h.slack.waitFor(`the private answer ${responseId}`, () => h.slack.callsTo('response_url').find((c) => c.args.id === responseId));

test('in a channel where nothing was analysed, /onscreen report says so in one private line and posts nothing', async () => {
  await command('report', 'CEMPTY', 'empty');
  const told = await privateLine('empty');
  assert.equal(told.args.response_type, 'ephemeral');
  assert.equal(told.args.text, 'Nothing to report in this channel yet: no video has been analysed here. Post a video link (or `/onscreen <link>`) and I will start.');
  await h.bot.services.tasks.idle();
  assert.deepEqual(h.slack.calls.filter((c) => c.args.channel === 'CEMPTY'), []);
});

test('/onscreen report posts the channel\'s videos of the last 30 days: the figures, a link to the collection page, the charts in the thread', async () => {
  const mine = [await analyse('/monday.mp4', 'CNEWS'), await analyse('/tuesday.mp4', 'CNEWS')];
  const elsewhere = await analyse('/sports.mp4', 'CSPORT');
  await h.engineClient.tag(mine[0]!, 0, 'female', 'slack:U1');
  await h.engineClient.tag(mine[0]!, 1, 'male', 'slack:U1');

  // The engine holds which jobs were started where: one collection per channel, found by its key.
  const collection = await h.engineClient.findCollection('slack-channel:CNEWS');
  assert.ok(collection);
  assert.deepEqual([...collection.jobIds].sort(), [...mine].sort());
  assert.deepEqual((await h.engineClient.findCollection('slack-channel:CSPORT'))?.jobIds, [elsewhere]);

  const rootsBefore = h.slack.callsTo('chat.postMessage').length;
  await command('report', 'CNEWS', 'news');
  const root = await h.slack.waitFor('the summary', () => h.slack.callsTo('chat.postMessage').slice(rootsBefore).find((c) => c.args.channel === 'CNEWS' && !c.args.thread_ts));
  const expected = (await h.engineClient.getCollectionReport(collection.id)).total;
  const words = describeTotals(expected);
  assert.equal(expected.videos, 2, 'the other channel\'s video is not counted');
  assert.ok(expected.screenTime.female.share > 0 && expected.screenTime.male.share > 0);
  assert.equal(words.tagging, '2 of 6 people tagged by a person, 4 not tagged yet');
  const pageUrl = `https://onscreen.newsroom.example/collections/${collection.id}`;
  const shareUrl = /Report: https:\/\/onscreen\.newsroom\.example(\/share\/[\w-]{22}\.[\w-]{43})$/.exec(root.args.text);
  assert.ok(shareUrl, `the report is a read-only share link: ${root.args.text}`);
  assert.equal(root.args.text, `Representation in this channel over the last 30 days: women on screen ${words.women} over 2 videos (range ${words.womenRange}), men ${words.men}. Tagging: ${words.tagging}. Report: https://onscreen.newsroom.example${shareUrl[1]}`);
  const blocks = JSON.stringify(root.args.blocks);
  assert.ok(blocks.includes('<#CNEWS> over the last 30 days'), blocks);
  assert.ok(blocks.includes(`*Women on screen*\\n${words.women} of the time (range ${words.womenRange})`));
  assert.ok(blocks.includes(`"url":"https://onscreen.newsroom.example${shareUrl[1]}"`), 'a button to the collection\'s report');
  assert.ok(blocks.includes(`<${pageUrl}|its page>`), 'and a link to the collection page');
  // The share link opens the collection's report without a token.
  const shared = await fetch(`${h.engine.url}${shareUrl[1]}`);
  assert.equal(shared.status, 200);
  assert.match(await shared.text(), /Slack channel CNEWS/);

  const completed = await h.slack.waitFor('the charts', () => h.slack.callsTo('files.completeUploadExternal').find((c) => c.args.thread_ts === root.result.ts), 60_000);
  assert.equal(completed.args.channel_id, 'CNEWS');
  assert.deepEqual(completed.args.files.map((f: any) => f.title), ['Women\'s and men\'s share per video', 'The trend per month', 'The people most on screen']);
  for (const file of completed.args.files as { id: string }[]) {
    assert.deepEqual([...(h.slack.uploads.get(file.id) ?? []).slice(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
  }
  assert.deepEqual(h.slack.callsTo('response_url').filter((c) => c.args.id === 'news'), [], 'no private line when it posted');
});

test('/onscreen report <collection> posts a named collection, found whatever the case; an unknown name gets one private line', async () => {
  const sports = await h.engineClient.findCollection('slack-channel:CSPORT');
  const named = await h.engineClient.createCollection('Evening news');
  await h.engineClient.addToCollection(named.id, sports!.jobIds);
  const rootsBefore = h.slack.callsTo('chat.postMessage').length;
  await command('report  evening NEWS ', 'CNEWS', 'named');
  const root = await h.slack.waitFor('the summary', () => h.slack.callsTo('chat.postMessage').slice(rootsBefore).find((c) => c.args.channel === 'CNEWS' && !c.args.thread_ts));
  const words = describeTotals((await h.engineClient.getCollectionReport(named.id)).total);
  assert.match(root.args.text, new RegExp(`^Representation in Evening news: women on screen ${words.women} over 1 video \\(range`));
  assert.ok(JSON.stringify(root.args.blocks).includes('*Representation in *Evening news**'));
  await h.slack.waitFor('its charts', () => h.slack.callsTo('files.completeUploadExternal').find((c) => c.args.thread_ts === root.result.ts), 60_000);

  await command('report Morning show', 'CNEWS', 'unknown');
  const told = await privateLine('unknown');
  assert.equal(told.args.response_type, 'ephemeral');
  assert.equal(told.args.text, 'No collection is called "Morning show" here. Some that are: "Evening news".');
  assert.doesNotMatch(told.args.text, /\n/, 'one line');

  const empty = await h.engineClient.createCollection('Nothing yet');
  assert.ok(empty.id);
  await command('report nothing yet', 'CNEWS', 'empty-named');
  assert.equal((await privateLine('empty-named')).args.text, 'The collection "Nothing yet" has no analysed video yet.');
});
