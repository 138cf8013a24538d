/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
/**
 * The everyday stumbles of issue 11, against the Slack double and the real engine service
 * (its analysis replaced by a small made-up one, so people exist without a real video): a web
 * page link opens no thread, people show one square face and "More faces" opens the strip in
 * a modal, the compact layout, App Home after a merge and with one video in two channels, and
 * failures: the video's fault in the thread, an admin problem privately. Links point at a
 * media server on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { ACTION_IDS, INPUT_IDS, VIEW_IDS } from '../../../bot/src/blocks/ids.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from '../../medium/service/helpers/tiny-analysis.js';
import { startHarness, type Harness } from './harness.js';
import { startMediaServer, type MediaServer } from './media-server.js';
import type { StoredMessage } from './slack-double.js';
import { blockAction, sendCommand, sendInteraction } from './slack-requests.js';

type Any = Record<string, any>;
let h: Harness;
let media: MediaServer | undefined;
let base = '';

/** Twelve people, each on screen in one shot of their own. */
const CROWD = Array.from({ length: 12 }, (_, i) => ({ female: i % 2 ? 0.2 : 0.8, tracks: [[i, i + 2 + (i % 3)]] as [number, number][] }));

/** Fails like the engine does for a file that is not a video, or for an engine without its models. */
const processor: AnalysisProcessor = async (task) => {
  if (task.source.includes('unreadable')) throw new OnscreenError('video_unreadable', 'The file is not a video that can be read.');
  if (task.source.includes('engine-trouble')) throw new OnscreenError('models_missing');
  if (task.source.includes('crowd')) return makeTinyAnalysis('crowd.mp4', CROWD);
  return makeTinyAnalysis('news.mp4');
};

before(async () => {
  media = await startMediaServer();
  base = media.base;
  h = await startHarness({ allowPrivateNetwork: true, processor });
});
after(async () => {
  await h?.close();
  await media?.close();
});

/** `/onscreen <text>` in a channel; returns the root message the bot posted (if it did) once the people are in its thread. */
async function command(text: string, channel: string, user: string, responseId: string): Promise<void> {
  assert.equal((await sendCommand(h.botUrl, { text, user, channel, responseUrl: h.slack.responseUrl(responseId) })).status, 200);
}

async function rootOf(channel: string): Promise<string> {
  const root = await h.slack.waitFor(`the root message in ${channel}`, () => h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === channel && !c.args.thread_ts && c.result.ok));
  return root.result.ts as string;
}

const pages = (channel: string, rootTs: string): StoredMessage[] => h.slack.thread(channel, rootTs).filter((m) => m.text.startsWith('People in '));
const blocksOf = (channel: string, rootTs: string): any[] => pages(channel, rootTs).flatMap((m) => m.blocks);

async function press(channel: string, rootTs: string, user: string, action: Any, responseId: string): Promise<void> {
  const page = pages(channel, rootTs).find((m) => m.blocks.some((b: Any) => b.block_id === action.block_id));
  assert.ok(page, `a page has ${action.block_id}`);
  const sent = await sendInteraction(h.botUrl, blockAction({ user, channel, messageTs: page.ts, threadTs: rootTs, action, responseUrl: h.slack.responseUrl(responseId) }));
  assert.equal(sent.status, 200);
}

const homeText = (user: string): string => JSON.stringify(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === user).at(-1)?.args.view.blocks ?? []);

test('/onscreen with an ordinary web page link opens no thread: only the person who typed it is told why', async () => {
  await command(`${base}/story`, 'CWEB', 'U1', 'web');
  const reply = await h.slack.waitFor('the private reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'web'));
  assert.equal(reply.args.response_type, 'ephemeral');
  assert.match(reply.args.text, /I did not start an analysis of http:\/\/127\.0\.0\.1:\d+\/story: That link is a web page, not a video\. Give a direct link to the video file, or a YouTube link\./);
  await h.bot.services.tasks.idle();
  assert.deepEqual(h.slack.calls.filter((c) => c.args.channel === 'CWEB'), [], 'nothing posted in the channel');
  assert.deepEqual((await h.engineClient.listJobs()).jobs, [], 'no job');
});

test('the App Home modal and the message shortcut check the link too: a web page gets a private answer, no thread', async () => {
  const submitted = await sendInteraction(h.botUrl, {
    type: 'view_submission', team: { id: 'T0001' }, user: { id: 'U3' }, api_app_id: 'A0001', token: 't', trigger_id: 't',
    view: {
      id: 'VHOME', type: 'modal', callback_id: VIEW_IDS.analyzeModal, private_metadata: '', hash: 'h',
      state: { values: {
        [INPUT_IDS.urlBlock]: { [INPUT_IDS.urlInput]: { type: 'url_text_input', value: `${base}/story/2` } },
        [INPUT_IDS.channelBlock]: { [INPUT_IDS.channelInput]: { type: 'conversations_select', selected_conversation: 'CHOME' } },
      } },
    },
  });
  assert.equal(submitted.status, 200);
  const dm = await h.slack.waitFor('the direct message', () => h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U3'));
  assert.match(dm.args.text, /story\/2: That link is a web page, not a video/);
  await sendInteraction(h.botUrl, {
    type: 'message_action', callback_id: 'onscreen.analyze_message', trigger_id: 't', message_ts: '60.000001',
    response_url: h.slack.responseUrl('shortcut-web'), message: { type: 'message', ts: '60.000001', text: `read <${base}/story/3>` },
    user: { id: 'U3', name: 'u3' }, channel: { id: 'CHOME', name: 'desk' }, team: { id: 'T0001', domain: 'newsroom' }, token: 't', action_ts: '1',
  });
  const reply = await h.slack.waitFor('the shortcut\'s private reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'shortcut-web'));
  assert.equal(reply.args.response_type, 'ephemeral');
  assert.match(reply.args.text, /story\/3: That link is a web page, not a video/);
  await h.bot.services.tasks.idle();
  assert.deepEqual(h.slack.calls.filter((c) => c.args.channel === 'CHOME'), [], 'nothing in the channel');
  assert.deepEqual((await h.engineClient.listJobs()).jobs, []);
});

test('people show one square face; "More faces" opens a modal with the strip, served through signed links', async () => {
  await command(`${base}/news.mp4`, 'CDESK', 'U5', 'news');
  const rootTs = await rootOf('CDESK');
  await h.slack.waitFor('the people', () => pages('CDESK', rootTs).length > 0 && blocksOf('CDESK', rootTs).some((b) => b.block_id === 'controls'));
  const job = (await h.engineClient.listJobs()).jobs[0]!;
  const person = blocksOf('CDESK', rootTs).find((b) => b.block_id === 'person.0');
  assert.match(person.accessory.image_url, /\/thumbnails\/[\w-]+\/0-face\.jpg\?exp=\d+&sig=/);
  const face = await fetch(person.accessory.image_url);
  assert.equal(face.status, 200);
  assert.equal(face.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual(Buffer.from(await face.arrayBuffer()), Buffer.from(await h.engineClient.getFace(job.id, 0)), 'the engine\'s square face, not the strip');

  const more = blocksOf('CDESK', rootTs).find((b) => b.block_id === 'person.0.actions').elements.find((e: Any) => e.action_id === ACTION_IDS.personDetails);
  assert.equal(more.text.text, 'More faces');
  await press('CDESK', rootTs, 'U6', { type: 'button', action_id: ACTION_IDS.personDetails, block_id: 'person.0.actions', value: more.value }, 'more');
  const opened = await h.slack.waitFor('views.open', () => h.slack.callsTo('views.open').at(-1));
  assert.match(JSON.stringify(opened.args.view), /Fetching the faces/);
  const updated = await h.slack.waitFor('views.update', () => h.slack.callsTo('views.update').find((c) => c.args.view_id === opened.result.view.id));
  const strip = updated.args.view.blocks.find((b: Any) => b.type === 'image');
  assert.match(strip.image_url, /\/thumbnails\/[\w-]+\/0\.jpg\?exp=/);
  const bytes = Buffer.from(await (await fetch(strip.image_url)).arrayBuffer());
  assert.deepEqual(bytes, Buffer.from(await h.engineClient.getThumbnail(job.id, 0)), 'the strip of best faces');
  assert.deepEqual(JSON.parse(updated.args.view.private_metadata), { channel: 'CDESK', threadTs: rootTs });
  const menu = updated.args.view.blocks.find((b: Any) => b.block_id === 'person.0.merge').accessory;
  assert.deepEqual(menu.options.map((o: Any) => o.value.split('|').slice(1)), [['0', '1'], ['0', '2']]);
});

test('merging from the person modal merges, re-renders the thread and tells the modal where the person went', async () => {
  await command(`${base}/modal.mp4`, 'CMODAL', 'U10', 'modal');
  const rootTs = await rootOf('CMODAL');
  await h.slack.waitFor('the people', () => blocksOf('CMODAL', rootTs).some((b) => b.block_id === 'controls'));
  const more = blocksOf('CMODAL', rootTs).find((b) => b.block_id === 'person.1.actions').elements.find((e: Any) => e.action_id === ACTION_IDS.personDetails);
  const opensBefore = h.slack.callsTo('views.open').length;
  await press('CMODAL', rootTs, 'U6', { type: 'button', action_id: ACTION_IDS.personDetails, block_id: 'person.1.actions', value: more.value }, 'modal-more');
  const opened = await h.slack.waitFor('views.open', () => h.slack.callsTo('views.open')[opensBefore]);
  const modal = await h.slack.waitFor('the filled modal', () => h.slack.callsTo('views.update').find((c) => c.args.view_id === opened.result.view.id));
  const option = modal.args.view.blocks.find((b: Any) => b.block_id === 'person.1.merge').accessory.options.find((o: Any) => o.value.endsWith('|1|0'));
  const sent = await sendInteraction(h.botUrl, {
    type: 'block_actions', user: { id: 'U6' }, team: { id: 'T0001' }, api_app_id: 'A0001', token: 't', trigger_id: 't2',
    container: { type: 'view', view_id: opened.result.view.id },
    view: { id: opened.result.view.id, type: 'modal', callback_id: modal.args.view.callback_id, private_metadata: modal.args.view.private_metadata },
    actions: [{ type: 'static_select', action_id: ACTION_IDS.merge, block_id: 'person.1.merge', selected_option: option, action_ts: '1' }],
  });
  assert.equal(sent.status, 200);
  await h.slack.waitFor('person 1 to leave the thread', () => !blocksOf('CMODAL', rootTs).some((b) => b.block_id === 'person.1'));
  const told = await h.slack.waitFor('the modal updated', () => h.slack.callsTo('views.update').filter((c) => c.args.view_id === opened.result.view.id)[1]);
  assert.match(JSON.stringify(told.args.view.blocks), /Person 1 is now part of person 0/);
  const job = (await h.engineClient.listJobs()).jobs.find((j) => j.source.label.endsWith('/modal.mp4'))!;
  assert.deepEqual((await h.engineClient.getPeople(job.id)).people.map((p) => p.id), [0, 2]);
  const history = await h.engineClient.history(job.id);
  assert.deepEqual([history.edits.at(-1)?.by, history.edits.at(-1)?.onBehalfOf], ['slack-bot', 'slack:U6'], 'by the bot, for the Slack user');

  // "More faces" on an older copy of the message, for the person merged away: the modal says so.
  const page = pages('CMODAL', rootTs)[0]!;
  await sendInteraction(h.botUrl, blockAction({
    user: 'U6', channel: 'CMODAL', messageTs: page.ts, threadTs: rootTs, responseUrl: h.slack.responseUrl('stale-more'),
    action: { type: 'button', action_id: ACTION_IDS.personDetails, block_id: 'person.1.actions', value: more.value },
  }));
  const stale = await h.slack.waitFor('the modal for a merged person', () => h.slack.callsTo('views.update').find((c) => /I could not show person 1/.test(JSON.stringify(c.args.view))));
  assert.match(JSON.stringify(stale.args.view.blocks), /Person 1 is not in this analysis any more/);
  assert.equal(h.slack.callsTo('response_url').filter((c) => c.args.id === 'stale-more').length, 0, 'said in the modal only');
});

test('the tagging messages switch to the compact layout and back, for the thread where it was pressed', async () => {
  const rootTs = await rootOf('CDESK');
  const toggle = () => blocksOf('CDESK', rootTs).find((b) => b.block_id === 'controls').elements.find((e: Any) => e.action_id === ACTION_IDS.switchLayout);
  assert.equal(toggle().text.text, 'Compact list', '3 people start in the full layout');
  await press('CDESK', rootTs, 'U5', { type: 'button', action_id: ACTION_IDS.switchLayout, block_id: 'controls', value: toggle().value }, 'compact');
  await h.slack.waitFor('the compact layout', () => toggle().text.text === 'Show details');
  const compact = blocksOf('CDESK', rootTs);
  assert.equal(compact.filter((b) => b.type === 'divider').length, 1, 'no divider per person');
  assert.doesNotMatch(compact.find((b) => b.block_id === 'person.1').text.text, /\n/, 'one line per person');
  assert.equal(compact.find((b) => b.block_id === 'person.1.actions').elements.at(-1).text.text, 'Details');
  assert.equal(pages('CDESK', rootTs).length, 1);
  await press('CDESK', rootTs, 'U5', { type: 'button', action_id: ACTION_IDS.switchLayout, block_id: 'controls', value: toggle().value }, 'full');
  await h.slack.waitFor('the full layout again', () => toggle().text.text === 'Compact list');
});

test('12 people come in one compact message (one line each) instead of two long ones; "Show details" gives the two', async () => {
  await command(`${base}/crowd.mp4`, 'CCROWD', 'U9', 'crowd');
  const rootTs = await rootOf('CCROWD');
  await h.slack.waitFor('the people', () => blocksOf('CCROWD', rootTs).some((b) => b.block_id === 'controls'));
  await h.bot.services.tasks.idle();
  assert.equal(pages('CCROWD', rootTs).length, 1, 'one message');
  const lines = blocksOf('CCROWD', rootTs).filter((b) => /^person\.\d+$/.test(b.block_id ?? ''));
  assert.equal(lines.length, 12);
  assert.ok(lines.every((b) => !b.text.text.includes('\n') && /-face\.jpg\?/.test(b.accessory.image_url)), 'one line with a face each');
  const toggle = blocksOf('CCROWD', rootTs).find((b) => b.block_id === 'controls').elements.find((e: Any) => e.action_id === ACTION_IDS.switchLayout);
  assert.equal(toggle.text.text, 'Show details');
  await press('CCROWD', rootTs, 'U9', { type: 'button', action_id: ACTION_IDS.switchLayout, block_id: 'controls', value: toggle.value }, 'crowd-full');
  await h.slack.waitFor('the full layout over two messages', () => pages('CCROWD', rootTs).length === 2);
  assert.equal(blocksOf('CCROWD', rootTs).filter((b) => /^person\.\d+$/.test(b.block_id ?? '')).length, 12);
});

test('App Home: the count of people follows a merge, and one video asked for in two channels is listed once', async () => {
  const rootTs = await rootOf('CDESK');
  await command(`${base}/news.mp4`, 'CDESK2', 'U5', 'news-again');
  const otherRoot = await rootOf('CDESK2');
  await h.slack.waitFor('the people in the second channel', () => pages('CDESK2', otherRoot).length > 0);
  await h.bot.services.tasks.idle();
  await h.bot.services.home.publish('U5');
  assert.equal(homeText('U5').match(/A tiny test video\*/g)?.length, 1, `listed once: ${homeText('U5')}`);
  assert.match(homeText('U5'), /3 people · <#CDESK2> \(also in <#CDESK>\)/);

  const menu = blocksOf('CDESK', rootTs).find((b) => b.block_id === 'person.2.actions').elements.find((e: Any) => e.action_id === ACTION_IDS.merge);
  const option = menu.options.find((o: Any) => o.value.endsWith('|2|0'));
  await press('CDESK', rootTs, 'U5', { type: 'static_select', action_id: ACTION_IDS.merge, block_id: 'person.2.actions', selected_option: option }, 'merge');
  await h.slack.waitFor('App Home with 2 people', () => /2 people · <#CDESK2> \(also in <#CDESK>\)/.test(homeText('U5')));
  assert.equal(homeText('U5').match(/A tiny test video\*/g)?.length, 1);
  assert.doesNotMatch(homeText('U5'), /3 people/);
});

test('a failure that is the video\'s fault is said in the thread; an admin problem only to the person who asked, and logged', async () => {
  await command(`${base}/unreadable.mp4`, 'CFAIL', 'U7', 'unreadable');
  const rootTs = await rootOf('CFAIL');
  const failed = await h.slack.waitFor('the failure in the thread', () => h.slack.thread('CFAIL', rootTs).find((m) => /could not analyse/.test(m.text)));
  assert.match(failed.text, /The file is not a video that can be read\./);

  await command(`${base}/engine-trouble.mp4`, 'CADMIN', 'U8', 'engine-trouble');
  const adminRoot = await rootOf('CADMIN');
  const stopped = await h.slack.waitFor('the public line', () => h.slack.thread('CADMIN', adminRoot).find((m) => /could not analyse/.test(m.text)));
  assert.match(stopped.text, /A problem on onscreen's side stopped it; the person who asked has been told privately, and an admin too\./);
  await h.bot.services.tasks.idle();
  assert.doesNotMatch(JSON.stringify(h.slack.calls.filter((c) => c.args.channel === 'CADMIN' && c.method !== 'chat.postEphemeral')), /models|npx/, 'no admin details in public, not even for a moment');
  const told = await h.slack.waitFor('the private note', () => h.slack.callsTo('chat.postEphemeral').find((c) => c.args.channel === 'CADMIN'));
  assert.equal(told.args.user, 'U8');
  assert.equal(told.args.thread_ts, adminRoot);
  assert.match(told.args.text, /onscreen's engine is missing its face models; an admin has been told\./);
  assert.ok(h.problems.some((p) => p.startsWith('[error] For the admin:') && p.includes('[models_missing]') && p.includes('npx onscreen models fetch')), h.problems.join('\n'));
});

test('the unfurl button starts in the link\'s thread, and a second press retries a failed analysis in the same message', async () => {
  const link = `${base}/unreadable.mp4?unfurled`;
  const pressUnfurl = (user: string) => sendInteraction(h.botUrl, {
    type: 'block_actions', user: { id: user }, team: { id: 'T0001' }, api_app_id: 'A0001', token: 't', trigger_id: 't',
    container: { type: 'message_attachment', message_ts: '50.000001', attachment_id: 1, channel_id: 'CUNFURL', is_ephemeral: false, is_app_unfurl: true },
    channel: { id: 'CUNFURL', name: 'desk' }, response_url: h.slack.responseUrl(`unfurl-${user}`),
    actions: [{ type: 'button', action_id: ACTION_IDS.analyzeLink, block_id: 'onscreen.unfurl', value: link, action_ts: '1' }],
  });
  await pressUnfurl('U6');
  const first = await h.slack.waitFor('the failure in the link\'s thread', () =>
    h.slack.thread('CUNFURL', '50.000001').find((m) => m.updates >= 1 && /could not analyse/.test(m.text)));
  assert.match(first.text, /not a video that can be read/);
  const updates = first.updates;
  await pressUnfurl('U7');
  await h.slack.waitFor('the retry to rewrite the same message', () => first.updates > updates + 1 && /could not analyse/.test(first.text));
  assert.equal(h.slack.thread('CUNFURL', '50.000001').length, 1, 'the retry reused the progress message');
});

test('where the bot was never invited, the person who asked is told how to fix it, privately, and no job starts', async () => {
  const jobsBefore = (await h.engineClient.listJobs()).jobs.length;
  await command(`${base}/elsewhere.mp4`, 'CNOTIN1', 'U4', 'cmd-notin');
  const told = await h.slack.waitFor('the command\'s reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'cmd-notin'));
  assert.equal(told.args.response_type, 'ephemeral');
  assert.match(told.args.text, /I could not start analysing http:\/\/127\.0\.0\.1:\d+\/elsewhere\.mp4: I am not in that channel yet: invite me with `\/invite @onscreen`/);
  await sendInteraction(h.botUrl, {
    type: 'message_action', callback_id: 'onscreen.analyze_message', trigger_id: 't', message_ts: '40.000001',
    response_url: h.slack.responseUrl('shortcut-notin'), message: { type: 'message', ts: '40.000001', text: `watch <${base}/b.mp4>` },
    user: { id: 'U4', name: 'u4' }, channel: { id: 'CNOTIN2', name: 'private' }, team: { id: 'T0001', domain: 'newsroom' }, token: 't', action_ts: '1',
  });
  const shortcut = await h.slack.waitFor('the shortcut\'s reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'shortcut-notin'));
  assert.match(shortcut.args.text, /invite me with `\/invite @onscreen`/);
  await h.bot.services.tasks.idle();
  assert.equal((await h.engineClient.listJobs()).jobs.length, jobsBefore, 'no job was started for a thread nobody could see');
});
