/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
/**
 * The whole Slack flow on a real clip: a channel opts in, a link is posted (and Slack retries
 * the event), the progress message is updated in place, the people are shown with working
 * thumbnail links, two people tag at once, one merges, suggestions are accepted, Finish
 * uploads the charts into the thread through the files.uploadV2 steps with the summary, App
 * Home is updated, and a second Finish with no change posts nothing.
 * Real: the engine service and its analysis, the bot, SQLite, HTTP. Doubled: Slack's Web API.
 */
import assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatShare } from '../../../bot/src/blocks/mrkdwn.js';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { startHarness, type Harness } from './harness.js';
import type { StoredMessage } from './slack-double.js';
import { blockAction, sendCommand, sendEvent, sendInteraction } from './slack-requests.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLIP = resolve(ROOT, '../shared/eval/video/short_hamilton_clip.mp4');
const WEIGHTS = ['fr_detect.onnx', 'fr_landmark.onnx', 'fr_feature.onnx'].map((name) => join(ROOT, 'models/weights', name));
const ANALYSIS_TIMEOUT_MS = 600_000;
const CHANNEL = 'CFLOW';
/** Few people per message, so that the clip's people span several messages. */
const PER_PAGE = 2;
const ROOT_TS = '1700000100.000100';

const skip = !existsSync(CLIP)
  ? `the evaluation clip ${CLIP} is absent (../shared/eval)`
  : !WEIGHTS.every((path) => existsSync(path))
    ? 'the face models are not installed (npx onscreen models fetch)'
    : false;

type Any = Record<string, any>;
let h: Harness;
let clipServer: Server;
let clipUrl: string;

before(async () => {
  if (skip) return;
  clipServer = await serveClip(CLIP);
  clipUrl = `http://127.0.0.1:${(clipServer.address() as AddressInfo).port}/short_hamilton_clip.mp4`;
  h = await startHarness({ allowPrivateNetwork: true, peoplePerPage: PER_PAGE });
});
after(async () => {
  await h?.close();
  clipServer?.closeAllConnections();
  await new Promise((done) => (clipServer ? clipServer.close(done) : done(undefined)));
});

test('Slack flow: link posted, progress, people, two taggers, merge, charts in the thread, App Home', { skip, timeout: ANALYSIS_TIMEOUT_MS + 120_000 }, async (t) => {
  // The channel opts in; a link posted there starts an analysis; Slack's retry of the event starts nothing.
  await sendCommand(h.botUrl, { text: 'watch on', user: 'U1', channel: CHANNEL, responseUrl: h.slack.responseUrl('watch') });
  const posted = { type: 'message', channel: CHANNEL, user: 'U2', text: `tonight's interview: <${clipUrl}>`, ts: ROOT_TS, channel_type: 'channel' };
  assert.equal((await sendEvent(h.botUrl, posted, { eventId: 'EvFlow1' })).status, 200);
  assert.equal((await sendEvent(h.botUrl, posted, { eventId: 'EvFlow1', retryNum: 1 })).status, 200);

  // One progress message, updated in place until the people are ready.
  const firstPage = await h.slack.waitFor('the first page of people', () => pages()[0], ANALYSIS_TIMEOUT_MS);
  const thread = h.slack.thread(CHANNEL, ROOT_TS);
  const progress = thread[0] as StoredMessage;
  assert.equal(thread.filter((m) => !isPage(m)).length, 1, 'a single progress message in the thread');
  assert.ok(progress.updates >= 2, `the progress message was updated in place (${progress.updates} updates)`);
  const during = progress.history.map((v) => v.text).filter((t) => /^Analysing .*: .+, \d+%/.test(t));
  assert.ok(during.length >= 1, `progress showed a stage and a percent: ${progress.history.map((v) => v.text).join(' | ')}`);
  const { jobs } = await h.engineClient.listJobs();
  assert.equal(jobs.length, 1, 'the retried event started no second job');
  const job = jobs[0]!;
  assert.match(job.requester ?? '', /slack:U2$/);
  assert.match(progress.text, new RegExp(`Analysed .*: ${job.people} (person|people) found`));
  t.diagnostic(`progress message: ${progress.updates} updates in place; last while analysing: "${during.at(-1)}"`);

  // The people: every one shown once, with a thumbnail link Slack could fetch.
  const people = (await h.engineClient.getPeople(job.id)).people;
  assert.ok(people.length >= 2, `the clip shows several people (found ${people.length})`);
  assert.deepEqual(shownPeople().sort((a, b) => a - b), people.map((p) => p.id).sort((a, b) => a - b));
  await h.slack.waitFor('every page', () => pages().length === Math.ceil(people.length / PER_PAGE));
  t.diagnostic(`${people.length} people on ${pages().length} page messages`);
  assert.ok(pages().every((m, i) => (i === pages().length - 1) === m.blocks.some((blk: Any) => blk.block_id === 'controls')), 'Accept all and Finish are on the last page only');
  const firstSection = (firstPage.blocks as any[]).find((b) => /^person\.\d+$/.test(b.block_id ?? ''));
  const thumbnail = await fetch(firstSection.accessory.image_url);
  assert.equal(thumbnail.status, 200);
  assert.equal(thumbnail.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual([...new Uint8Array(await thumbnail.arrayBuffer()).slice(0, 2)], [0xff, 0xd8]);
  const forged = new URL(firstSection.accessory.image_url);
  forged.searchParams.set('sig', `x${forged.searchParams.get('sig')}`);
  assert.equal((await fetch(forged)).status, 403);

  // Two people tag at once; each person shows who tagged them.
  const [a, b] = shownPeople();
  await Promise.all([click('U1', ACTION_IDS.tagFemale, a!), click('U2', ACTION_IDS.tagMale, b!)]);
  await h.slack.waitFor('both tags on the page', () => personText(a!).includes('tagged by <@U1>') && personText(b!).includes('tagged by <@U2>'));
  assert.match(personText(a!), /\*Female\*, tagged by <@U1>/);
  assert.match(personText(b!), /\*Male\*, tagged by <@U2>/);
  const tagged = await h.engineClient.getPeople(job.id);
  assert.equal(tagged.people.find((p) => p.id === a)?.tag, 'female');
  assert.equal(tagged.people.find((p) => p.id === b)?.tag, 'male');
  // Clicking the same tag again changes nothing (idempotent).
  await click('U1', ACTION_IDS.tagFemale, a!);
  await h.bot.services.tasks.idle();
  const taggedA = (await h.engineClient.getPeople(job.id)).people.find((p) => p.id === a);
  assert.deepEqual([taggedA?.taggedBy, taggedA?.taggedOnBehalfOf], ['slack-bot', 'slack:U1'], "the bot's token, on behalf of the Slack user it vouches for");

  // U2 merges the last person into the first through the menu.
  if (people.length >= 3) {
    const last = shownPeople().at(-1)!;
    const menu = actionsOf(last).find((e: Any) => e.action_id === ACTION_IDS.merge);
    const option = menu.options.find((o: Any) => o.value.endsWith(`|${last}|${a}`));
    await interact('U2', { type: 'static_select', action_id: ACTION_IDS.merge, block_id: `person.${last}.actions`, selected_option: option });
    const pageCount = pages().length;
    await h.slack.waitFor('the merged person to leave the pages', () => !shownPeople().includes(last));
    assert.equal((await h.engineClient.getPeople(job.id)).people.length, people.length - 1);
    assert.equal(shownPeople().length, people.length - 1, 'every page was re-rendered');
    assert.equal(pages().length, pageCount, 'no page message was added or lost');
  }

  // Accept the remaining suggestions, then finish.
  const controls = () => pages().flatMap((m) => m.blocks).find((blk: Any) => blk.block_id === 'controls');
  const accept = controls().elements.find((e: Any) => e.action_id === ACTION_IDS.acceptAll);
  if (accept) {
    await interact('U1', { type: 'button', action_id: ACTION_IDS.acceptAll, block_id: 'controls', value: accept.value });
    await h.slack.waitFor('suggestions accepted', () => !controls().elements.some((e: Any) => e.action_id === ACTION_IDS.acceptAll));
  }
  const finish = controls().elements.find((e: Any) => e.action_id === ACTION_IDS.finish);
  await interact('U2', { type: 'button', action_id: ACTION_IDS.finish, block_id: 'controls', value: finish.value });

  // The charts arrive in the thread through the three steps of files.uploadV2, with the summary.
  // (The clip's untagged off-screen voices came before, as .m4a files of their own: see voices.test.ts.)
  const isChart = (filename: string) => filename.endsWith('.png');
  const chartIds = () => new Set(h.slack.callsTo('files.getUploadURLExternal').filter((c) => isChart(c.args.filename)).map((c) => c.result.file_id));
  const completed = await h.slack.waitFor('files.completeUploadExternal', () => h.slack.callsTo('files.completeUploadExternal').find((c) => (c.args.files as { id: string }[]).some((f) => chartIds().has(f.id))), 60_000);
  assert.equal(completed.args.channel_id, CHANNEL);
  assert.equal(completed.args.thread_ts, ROOT_TS);
  // With speech heard, "Seen and heard" and speaking time per person come too (issue 14).
  const isHeard = (await h.engineClient.getReport((await h.engineClient.listJobs()).jobs[0]!.id)).speakingTime !== undefined;
  const expected = ['onscreen-persons.png', 'onscreen-share.png', 'onscreen-timeline.png', ...(isHeard ? ['onscreen-heard.png', 'onscreen-speaking.png'] : [])].sort();
  assert.equal(completed.args.files.length, expected.length);
  const requested = h.slack.callsTo('files.getUploadURLExternal').filter((c) => isChart(c.args.filename));
  assert.deepEqual(requested.map((c) => c.args.filename).sort(), expected);
  for (const file of completed.args.files as { id: string }[]) {
    const bytes = h.slack.uploads.get(file.id);
    assert.ok(bytes, `bytes of ${file.id} were uploaded before completing`);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
  }
  const report = await h.engineClient.getReport(job.id);
  const summary = h.slack.thread(CHANNEL, ROOT_TS).find((m) => /women on screen/.test(m.text));
  assert.ok(summary, 'the summary is in the thread');
  assert.ok(summary.text.includes(`women on screen ${formatShare(report.screenTime.female.share)} of the time, men ${formatShare(report.screenTime.male.share)}`));
  // "Open the full report" is a read-only share link on the engine's public address: it opens without a token.
  const shareUrl = /https:\/\/onscreen\.newsroom\.example(\/share\/[\w-]{22}\.[\w-]{43})/.exec(JSON.stringify(summary.blocks));
  assert.ok(shareUrl, 'the report link is a share link');
  const shared = await fetch(`${h.engine.url}${shareUrl[1]}`);
  assert.equal(shared.status, 200);
  assert.match(await shared.text(), /<html/i);
  t.diagnostic(`summary: ${summary.text}`);
  assert.equal((await h.engineClient.getJob(job.id)).status, 'done');
  await h.slack.waitFor('the pages to show who finished', () => JSON.stringify(pages().at(-1)?.blocks).includes('Finished by <@U2>'));

  // App Home: updated for the people who took part.
  const home = await h.slack.waitFor('App Home after finishing', () =>
    h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U1' && JSON.stringify(c.args.view).includes('finished')).at(-1));
  assert.match(JSON.stringify(home.args.view.blocks), /short_hamilton_clip\.mp4/);
  assert.ok(h.slack.callsTo('views.publish').some((c) => c.args.user_id === 'U2'));

  // Finish again with no change: nothing new is uploaded; the person is told privately.
  const uploadsBefore = h.slack.callsTo('files.completeUploadExternal').length;
  await interact('U1', { type: 'button', action_id: ACTION_IDS.finish, block_id: 'controls', value: finish.value }, 'finish-again');
  const told = await h.slack.waitFor('a private note', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'finish-again'));
  assert.match(told.args.text, /already in this thread/);
  await h.bot.services.tasks.idle();
  assert.equal(h.slack.callsTo('files.completeUploadExternal').length, uploadsBefore);
  assert.equal((await h.engineClient.listJobs()).jobs.length, 1);
  assert.deepEqual(h.problems.filter((p) => p.startsWith('[error]')), [], 'the bot logged no error');
});

function isPage(message: StoredMessage): boolean {
  return message.text.startsWith('People in ');
}

function pages(): StoredMessage[] {
  return h.slack.thread(CHANNEL, ROOT_TS).filter(isPage);
}

function shownPeople(): number[] {
  return pages().flatMap((m) => m.blocks).map((b: Any) => /^person\.(\d+)$/.exec(b.block_id ?? '')?.[1]).filter((id): id is string => id !== undefined).map(Number);
}

function personText(person: number): string {
  return pages().flatMap((m) => m.blocks).find((b: Any) => b.block_id === `person.${person}`)?.text.text ?? '';
}

function actionsOf(person: number): any[] {
  return pages().flatMap((m) => m.blocks).find((b: Any) => b.block_id === `person.${person}.actions`)?.elements ?? [];
}

function pageOf(blockId: string): StoredMessage {
  const page = pages().find((m) => m.blocks.some((b: Any) => b.block_id === blockId));
  assert.ok(page, `a page has block ${blockId}`);
  return page;
}

async function click(user: string, actionId: string, person: number): Promise<void> {
  const button = actionsOf(person).find((e: Any) => e.action_id === actionId);
  await interact(user, { type: 'button', action_id: actionId, block_id: `person.${person}.actions`, value: button.value });
}

async function interact(user: string, action: Any, responseId = `${user}-${action.action_id}`): Promise<void> {
  const page = pageOf(action.block_id);
  const response = await sendInteraction(h.botUrl, blockAction({
    user, channel: CHANNEL, messageTs: page.ts, threadTs: ROOT_TS, action, responseUrl: h.slack.responseUrl(responseId),
  }));
  assert.equal(response.status, 200);
}

function serveClip(path: string): Promise<Server> {
  const size = statSync(path).size;
  const server = createServer((req, res) => {
    if (!req.url?.endsWith('.mp4')) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}
