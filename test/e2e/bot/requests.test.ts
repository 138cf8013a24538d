/**
 * The running bot's HTTP receiver, against the real engine service and the Slack double,
 * without analysing a video: signatures (good, bad, stale, missing, malformed), Slack's
 * retries, the triggers that must not start anything, usage and opt-in, the unfurl button,
 * App Home, signed thumbnail links, and a link the engine refuses answered privately, with no
 * thread. Flows with analyses are in everyday.test.ts and flow.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { startHarness, type Harness } from './harness.js';
import { BOT_USER_ID } from './slack-double.js';
import { commandBody, eventBody, post, sendCommand, sendEvent, sendInteraction, sign } from './slack-requests.js';

let h: Harness;
before(async () => {
  h = await startHarness({ allowPrivateNetwork: false });
});
after(async () => {
  await h?.close();
});

/** Lets any work a request might have started run, so that "nothing happened" means it. */
async function settle(): Promise<void> {
  await sleep(300);
  await h.bot.services.tasks.idle();
}

const slackCalls = () => h.slack.calls.filter((c) => c.method !== 'auth.test');

test('a correctly signed request is served; URL verification answers the challenge', async () => {
  const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
  const response = await post(h.botUrl, body, 'application/json');
  assert.equal(response.status, 200);
  assert.deepEqual(JSON.parse(response.body), { challenge: 'c-123' });
  const usage = await sendCommand(h.botUrl, { text: 'help', user: 'U1', channel: 'C1', responseUrl: h.slack.responseUrl('help') });
  assert.equal(usage.status, 200);
  assert.match(JSON.parse(usage.body).text, /Usage: `\/onscreen <video link>`/);
});

test('bad, stale, missing or mismatched signatures get 401 and nothing runs; a malformed payload gets 400', async () => {
  const before = slackCalls().length;
  const body = commandBody({ text: 'watch on', user: 'U1', channel: 'CBAD', responseUrl: h.slack.responseUrl('bad') });
  const form = 'application/x-www-form-urlencoded';
  const now = Math.floor(Date.now() / 1000);
  const stale = now - 6 * 60;
  const cases: [string, Record<string, string | null>][] = [
    ['signed with another secret', { 'x-slack-signature': sign(body, now, 'not-the-secret') }],
    ['stale timestamp, correctly signed for it', { 'x-slack-request-timestamp': String(stale), 'x-slack-signature': sign(body, stale) }],
    ['no signature', { 'x-slack-signature': null }],
    ['no timestamp', { 'x-slack-request-timestamp': null }],
    ['signature of another body', { 'x-slack-signature': sign(`${body}&text=x`, now) }],
    ['unknown signature version', { 'x-slack-signature': sign(body, now).replace(/^v0=/, 'v1=') }],
  ];
  for (const [name, headers] of cases) {
    const response = await post(h.botUrl, body, form, headers);
    assert.equal(response.status, 401, name);
    assert.equal(response.body, '', `${name}: no body`);
  }
  const link = eventBody({ type: 'message', channel: 'CBAD', user: 'U1', text: '<@UBOT> <https://example.org/a.mp4>', ts: '1.000001' });
  assert.equal((await post(h.botUrl, link, 'application/json', { 'x-slack-signature': sign(link, now, 'nope') })).status, 401);
  const malformed = await post(h.botUrl, '{"type": "event_callback", ', 'application/json');
  assert.equal(malformed.status, 400, 'a correctly signed body that is not JSON');
  await settle();
  assert.equal(h.bot.services.store.isOptedIn('CBAD'), false, 'the refused command did not run');
  assert.equal(slackCalls().length, before, 'no Slack call was made');
  assert.deepEqual((await h.engineClient.listJobs()).jobs, [], 'no job was created');
});

test('a video link starts nothing on its own where the channel has not opted in; YouTube links unfurl with a button', async () => {
  const before = slackCalls().length;
  await sendEvent(h.botUrl, { type: 'message', channel: 'CQUIET', user: 'U1', text: 'see <https://example.org/clip.mp4>', ts: '10.000001', channel_type: 'channel' });
  const youtube = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5';
  await sendEvent(h.botUrl, { type: 'link_shared', channel: 'CQUIET', user: 'U1', message_ts: '11.000001', unfurl_id: 'u1', source: 'conversations_history', links: [{ domain: 'youtube.com', url: youtube }, { domain: 'example.org', url: 'https://example.org/page' }] });
  const unfurl = await h.slack.waitFor('chat.unfurl', () => h.slack.callsTo('chat.unfurl')[0]);
  assert.equal(unfurl.args.channel, 'CQUIET');
  assert.equal(unfurl.args.ts, '11.000001');
  assert.deepEqual(Object.keys(unfurl.args.unfurls), [youtube], 'only the YouTube link unfurls');
  const button = unfurl.args.unfurls[youtube].blocks[0].elements[0];
  assert.equal(button.action_id, ACTION_IDS.analyzeLink);
  assert.equal(button.value, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await settle();
  assert.deepEqual(slackCalls().slice(before).map((c) => c.method), ['chat.unfurl'], 'no message was posted');
  assert.deepEqual((await h.engineClient.listJobs()).jobs, []);
});

test('Slack\'s retry of an event runs nothing twice; a link the engine refuses is answered privately, with no thread', async () => {
  const opt = await sendCommand(h.botUrl, { text: 'watch on', user: 'U1', channel: 'CNEWS', responseUrl: h.slack.responseUrl('opt') });
  assert.equal(JSON.parse(opt.body).response_type, 'in_channel');
  assert.match(JSON.parse(opt.body).text, /<@U1> turned on automatic analysis/);
  const event = { type: 'message', channel: 'CNEWS', user: 'U2', text: 'tonight: <http://127.0.0.1:9/clip.mp4>', ts: '20.000001', channel_type: 'channel' };
  assert.equal((await sendEvent(h.botUrl, event, { eventId: 'EvRetry1' })).status, 200);
  assert.equal((await sendEvent(h.botUrl, event, { eventId: 'EvRetry1', retryNum: 1 })).status, 200);
  // The same message announced again as a mention (another event id): a person asked, so they are told.
  await sendEvent(h.botUrl, { ...event, type: 'app_mention', text: `<@${BOT_USER_ID}> ${event.text}` });
  const told = await h.slack.waitFor('the private refusal', () => h.slack.callsTo('chat.postEphemeral').find((c) => c.args.channel === 'CNEWS'));
  assert.equal(told.args.user, 'U2');
  assert.equal(told.args.thread_ts, '20.000001');
  assert.match(told.args.text, /I did not start an analysis of http:\/\/127\.0\.0\.1:9\/clip\.mp4: .*private, loopback or link-local network/);
  assert.doesNotMatch(told.args.text, /at \w+ \(|Error:/, 'no stack trace');
  await settle();
  assert.equal(h.slack.callsTo('chat.postEphemeral').filter((c) => c.args.channel === 'CNEWS').length, 1, 'the automatic start stays quiet; the retry ran nothing');
  assert.deepEqual(h.slack.thread('CNEWS', '20.000001'), [], 'no thread was opened');
  assert.equal(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CNEWS').length, 0);
  assert.deepEqual((await h.engineClient.listJobs()).jobs, []);
});

test('a mention without a link answers with usage in the thread; a shortcut on a message without a link says so privately', async () => {
  await sendEvent(h.botUrl, { type: 'app_mention', channel: 'CNEWS', user: 'U3', text: `<@${BOT_USER_ID}> hello`, ts: '30.000001' });
  const usage = await h.slack.waitFor('usage', () => h.slack.thread('CNEWS', '30.000001')[0]);
  assert.match(usage.text, /Usage: \/onscreen <video link>/);
  await sendInteraction(h.botUrl, {
    type: 'message_action', callback_id: 'onscreen.analyze_message', trigger_id: 't', message_ts: '31.000001',
    response_url: h.slack.responseUrl('shortcut'), message: { type: 'message', ts: '31.000001', text: 'no links here' },
    user: { id: 'U3', name: 'u3' }, channel: { id: 'CNEWS', name: 'newsdesk' }, team: { id: 'T0001', domain: 'newsroom' }, token: 't', action_ts: '1',
  });
  const reply = await h.slack.waitFor('shortcut reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'shortcut'));
  assert.equal(reply.args.response_type, 'ephemeral');
  assert.match(reply.args.text, /no video link/);
});

test('App Home is published when opened', async () => {
  await sendEvent(h.botUrl, { type: 'app_home_opened', user: 'U2', channel: 'DU2', tab: 'home' });
  const publish = await h.slack.waitFor('views.publish', () => h.slack.callsTo('views.publish').find((c) => c.args.user_id === 'U2'));
  assert.equal(publish.args.view.type, 'home');
  const text = JSON.stringify(publish.args.view.blocks);
  assert.match(text, /Your recent analyses/);
  assert.match(text, /You have not asked for an analysis yet/, 'a refused link left no analysis behind');
});

test('thumbnail links: a wrong or missing signature is refused; health answers', async () => {
  assert.equal((await fetch(`${h.botUrl}/thumbnails/some-job/0.jpg?exp=9999999999&sig=forged`)).status, 403);
  assert.equal((await fetch(`${h.botUrl}/thumbnails/some-job/0.jpg`)).status, 403);
  assert.equal((await fetch(`${h.botUrl}/thumbnails/some-job/..%2F0.jpg?exp=9999999999&sig=x`)).status, 403);
  assert.deepEqual(await (await fetch(`${h.botUrl}/health`)).json(), { ok: true });
});
