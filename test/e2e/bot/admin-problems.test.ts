/**
 * Problems only an admin can fix, seen from Slack: the bot holds a wrong engine token, or the
 * engine is down. The person who asked is told privately, in plain words; the details (the
 * engine's answer, its address) go to the bot's log for the admin; nothing reaches a channel.
 * Real: the engine service, the bot, HTTP. Doubled: Slack. Links point at 127.0.0.1 only.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { freePort } from '../service/helpers/redis-server.js';
import { startHarness, type Harness } from './harness.js';
import { BOT_USER_ID } from './slack-double.js';
import { blockAction, sendCommand, sendEvent, sendInteraction } from './slack-requests.js';

let wrongToken: Harness;
let engineDown: Harness;
let downUrl = '';
const LINK = 'http://127.0.0.1:9/news.mp4';

before(async () => {
  wrongToken = await startHarness({ allowPrivateNetwork: true, botEngineToken: 'not-a-token-the-engine-knows' });
  downUrl = `http://127.0.0.1:${await freePort()}`;
  engineDown = await startHarness({ allowPrivateNetwork: true, botEngineUrl: downUrl });
});
after(async () => {
  await wrongToken?.close();
  await engineDown?.close();
});

const channelCalls = (h: Harness, channel: string) => h.slack.calls.filter((c) => c.args.channel === channel && c.method !== 'chat.postEphemeral');

test('a wrong engine token: the person who asked is told privately in plain words, the admin reads the details in the log', async () => {
  const h = wrongToken;
  await sendCommand(h.botUrl, { text: LINK, user: 'U1', channel: 'CTOKEN', responseUrl: h.slack.responseUrl('cmd') });
  const reply = await h.slack.waitFor('the private reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'cmd'));
  assert.equal(reply.args.response_type, 'ephemeral');
  assert.equal(reply.args.text, ':warning: I could not start: onscreen\'s engine does not accept the bot (its access token is wrong); an admin has been told.');

  await sendEvent(h.botUrl, { type: 'app_mention', channel: 'CTOKEN', user: 'U2', text: `<@${BOT_USER_ID}> <${LINK}>`, ts: '70.000001' });
  const mention = await h.slack.waitFor('the private reply to the mention', () => h.slack.callsTo('chat.postEphemeral').find((c) => c.args.channel === 'CTOKEN'));
  assert.equal(mention.args.user, 'U2');
  assert.match(mention.args.text, /does not accept the bot .*an admin has been told/);

  // A tag button of an older message: the engine refuses the bot there too.
  await sendInteraction(h.botUrl, blockAction({
    user: 'U3', channel: 'CTOKEN', messageTs: '71.000002', threadTs: '71.000001', responseUrl: h.slack.responseUrl('tag'),
    action: { type: 'button', action_id: ACTION_IDS.tagFemale, block_id: 'person.0.actions', value: 'a1b2c3d4e5f6a7b8c9d0|0' },
  }));
  const tag = await h.slack.waitFor('the private reply to the click', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'tag'));
  assert.equal(tag.args.text, ':warning: I could not tag person 0: onscreen\'s engine does not accept the bot (its access token is wrong); an admin has been told.');

  await h.bot.services.tasks.idle();
  assert.deepEqual(channelCalls(h, 'CTOKEN'), [], 'nothing in the channel');
  const logged = h.problems.filter((p) => p.startsWith('[error] For the admin:'));
  assert.ok(logged.length >= 3, logged.join('\n'));
  assert.ok(logged.every((p) => p.includes('[unauthorized]')), logged.join('\n'));
  assert.deepEqual((await h.engineClient.listJobs()).jobs, [], 'no job');
});

test('an engine that is down: "onscreen\'s engine is not reachable; an admin has been told", and the log names its address', async () => {
  const h = engineDown;
  await sendCommand(h.botUrl, { text: LINK, user: 'U1', channel: 'CDOWN', responseUrl: h.slack.responseUrl('cmd') });
  const reply = await h.slack.waitFor('the private reply', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'cmd'));
  assert.equal(reply.args.response_type, 'ephemeral');
  assert.equal(reply.args.text, ':warning: I could not start: onscreen\'s engine is not reachable; an admin has been told.');
  assert.doesNotMatch(reply.args.text, /127\.0\.0\.1|Check the server/, 'no address or admin hint for the person');
  await h.bot.services.tasks.idle();
  assert.deepEqual(channelCalls(h, 'CDOWN'), [], 'nothing in the channel');
  const logged = h.problems.find((p) => p.startsWith('[error] For the admin:') && p.includes('[unavailable]'));
  assert.ok(logged?.includes(downUrl), `the log names the engine's address: ${h.problems.join('\n')}`);
});
