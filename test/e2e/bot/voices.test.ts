/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
/**
 * Voices in Slack (issue 14), against the Slack double and the real engine service (its analysis
 * replaced by the tiny one with speech and voices): a voice heard only off screen comes into the
 * thread as a short audio file through the three steps of files.uploadV2, then a message with its
 * tag buttons; pressing one tags the voice in the engine for the person who pressed it, and the
 * message says so. A voice linked to a person seen speaking is not asked about.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { makeTinySpokenAnalysis } from '../../medium/service/helpers/tiny-speech.js';
import { startHarness, type Harness } from './harness.js';
import { blockAction, sendCommand, sendInteraction } from './slack-requests.js';

let h: Harness;
let media: Server;
let base = '';
const SAMPLE = Buffer.from('AAC bytes of voice v2, as the analysis stored them');

before(async () => {
  media = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4' });
    res.end(req.method === 'HEAD' ? undefined : Buffer.alloc(16));
  });
  await new Promise<void>((done) => media.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
  h = await startHarness({ allowPrivateNetwork: true, processor: async () => makeTinySpokenAnalysis('talk.mp4', SAMPLE) });
});
after(async () => {
  await h?.close();
  media?.closeAllConnections();
  await new Promise((done) => (media ? media.close(done) : done(undefined)));
});

test('an untagged off-screen voice comes as an audio file in the thread with tag buttons, and a press tags it', async () => {
  assert.equal((await sendCommand(h.botUrl, { text: `${base}/talk.mp4`, user: 'U1', channel: 'CVOX', responseUrl: h.slack.responseUrl('talk') })).status, 200);
  const root = await h.slack.waitFor('the root message', () => h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CVOX' && !c.args.thread_ts && c.result.ok));
  const rootTs = root.result.ts as string;
  const voiceMessage = await h.slack.waitFor('the voice message', () => h.slack.thread('CVOX', rootTs).find((m) => m.text.startsWith('Voice v2')), 60_000);
  await h.bot.services.tasks.idle();

  const requested = h.slack.callsTo('files.getUploadURLExternal');
  assert.deepEqual(requested.map((c) => c.args.filename), ['onscreen-voice-v2.m4a'], 'only v2: v0 and v1 follow the people seen speaking');
  const completed = h.slack.callsTo('files.completeUploadExternal');
  assert.equal(completed.length, 1);
  assert.equal(completed[0]!.args.channel_id, 'CVOX');
  assert.equal(completed[0]!.args.thread_ts, rootTs);
  assert.deepEqual(h.slack.uploads.get(completed[0]!.args.files[0].id), SAMPLE, 'the voice\'s own sample, byte for byte');

  const actions = voiceMessage.blocks.find((b: any) => b.block_id === 'voice.v2.actions');
  assert.deepEqual(actions.elements.map((e: any) => e.text.text), ['Female', 'Male', 'Unknown', 'Not speech']);
  assert.match(JSON.stringify(voiceMessage.blocks), /151 Hz/, 'the weak-cue caveat is beside the suggestion');
  const male = actions.elements.find((e: any) => e.action_id === ACTION_IDS.tagVoiceMale);
  const sent = await sendInteraction(h.botUrl, blockAction({ user: 'U7', channel: 'CVOX', messageTs: voiceMessage.ts, threadTs: rootTs, action: { ...male, block_id: 'voice.v2.actions' }, responseUrl: h.slack.responseUrl('v2') }));
  assert.equal(sent.status, 200);
  const replaced = await h.slack.waitFor('the voice message replaced', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'v2'));
  assert.equal(replaced.args.replace_original, true);
  assert.match(replaced.args.text, /Tagged male/);
  const job = (await h.engineClient.listJobs()).jobs[0]!;
  const v2 = (await h.engineClient.getPeople(job.id)).voices?.find((v) => v.id === 'v2');
  assert.equal(v2?.tag, 'male');
  assert.match(v2?.taggedOnBehalfOf ?? '', /U7/);
  assert.deepEqual(h.problems, []);
});
