/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
/**
 * Voices in Slack (issue 14), against the Slack double and the real engine service (its analysis
 * replaced by the tiny one with speech and voices): a voice heard only off screen comes into the
 * thread as a short audio file through the three steps of files.uploadV2, then a message with its
 * tag buttons; pressing one tags the voice in the engine for the person who pressed it, and the
 * message says so. A voice linked to a person seen speaking is not asked about. Before the voices,
 * "Who speaks" lists each stretch of speech with a menu to set who is speaking; a video without
 * speech gets one plain line instead. What was posted survives a restart of the bot: a posting
 * Slack interrupted is finished after the restart, and nothing is posted twice.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { makeTinyAnalysis } from '../../medium/service/helpers/tiny-analysis.js';
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
  h = await startHarness({ allowPrivateNetwork: true, processor: async (task) => (task.source.includes('silent') ? makeSilentAnalysis() : makeTinySpokenAnalysis('talk.mp4', SAMPLE)) });
});
/** The tiny analysis of a video whose sound has no speech in it. */
function makeSilentAnalysis(): ReturnType<typeof makeTinyAnalysis> {
  const result = makeTinyAnalysis('silent.mp4');
  return { ...result, analysis: { ...result.analysis, sound: { status: 'no-speech', speechSeconds: 0 }, speech: [], voices: [] } };
}

/** Starts an analysis of `file` from a slash command in `channel`; the thread's root ts. */
async function analyse(file: string, channel: string): Promise<string> {
  assert.equal((await sendCommand(h.botUrl, { text: `${base}/${file}`, user: 'U1', channel, responseUrl: h.slack.responseUrl(file) })).status, 200);
  const root = await h.slack.waitFor('the root message', () => h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === channel && !c.args.thread_ts && c.result.ok));
  return root.result.ts as string;
}

after(async () => {
  await h?.close();
  media?.closeAllConnections();
  await new Promise((done) => (media ? media.close(done) : done(undefined)));
});

test('an untagged off-screen voice comes as an audio file in the thread with tag buttons, and a press tags it', async () => {
  const rootTs = await analyse('talk.mp4', 'CVOX');
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

test('"Who speaks" lists each stretch of speech with who is speaking; choosing a person credits them, and the people show it', async () => {
  const rootTs = await analyse('talk-who.mp4', 'CWHO');
  const speakers = await h.slack.waitFor('"Who speaks"', () => h.slack.thread('CWHO', rootTs).find((m) => m.text.startsWith('Who speaks')), 60_000);
  await h.slack.waitFor('the voice message', () => h.slack.thread('CWHO', rootTs).find((m) => m.text.startsWith('Voice v2')));
  await h.bot.services.tasks.idle();
  const thread = h.slack.thread('CWHO', rootTs);
  assert.ok(thread.indexOf(speakers) < thread.findIndex((m) => m.text.startsWith('Voice v2')), '"Who speaks" comes before the voices');
  const rows = speakers.blocks.filter((b: any) => b.accessory?.action_id === ACTION_IDS.correctSpeaker);
  assert.deepEqual(rows.map((b: any) => b.text.text), ['0:00–0:02 · Person 0 · 2 s, voice v0', '0:03–0:05 · Person 1 · 2 s, voice v1', '0:06–0:08 · off screen · 2 s, voice v2']);
  assert.deepEqual(rows.map((b: any) => b.accessory.initial_option.text.text), ['Person 0', 'Person 1', 'Off screen']);
  const offRow = rows[2];
  assert.deepEqual(offRow.accessory.options.map((o: any) => o.text.text), ['Off screen', 'Person 0', 'Person 1', 'Person 2']);

  // The person seen in the voice-over's photo was in fact speaking: Person 0.
  const chosen = offRow.accessory.options.find((o: any) => o.text.text === 'Person 0');
  const action = { type: 'static_select', action_id: ACTION_IDS.correctSpeaker, block_id: offRow.block_id, selected_option: chosen };
  assert.equal((await sendInteraction(h.botUrl, blockAction({ user: 'U9', channel: 'CWHO', messageTs: speakers.ts, threadTs: rootTs, action, responseUrl: h.slack.responseUrl('who') }))).status, 200);
  const replaced = await h.slack.waitFor('"Who speaks" replaced', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'who'));
  assert.equal(replaced.args.replace_original, true);
  const after = replaced.args.blocks.filter((b: any) => b.accessory?.action_id === ACTION_IDS.correctSpeaker).map((b: any) => b.text.text);
  assert.deepEqual(after, ['0:00–0:02 · Person 0 · 2 s, voice v0', '0:03–0:05 · Person 1 · 2 s, voice v1', '0:06–0:08 · Person 0 · 2 s, voice v2']);
  await h.bot.services.tasks.idle();
  const jobId = h.bot.services.store.findThread('CWHO', rootTs, `${base}/talk-who.mp4`)?.jobId;
  assert.ok(jobId);
  const { people, speech } = await h.engineClient.getPeople(jobId);
  assert.deepEqual(speech?.map((s) => s.person), [0, 1, 0]);
  assert.equal(people.find((p) => p.id === 0)?.speakingSeconds, 4);
  const edit = (await h.engineClient.history(jobId)).edits.at(-1);
  assert.equal(edit?.kind, 'speaker');
  assert.match(edit?.onBehalfOf ?? '', /U9/, 'the correction is recorded for the person who chose');
  // The tagging messages show each person's speaking time, updated.
  const person0 = await h.slack.waitFor('Person 0 with 4 s speaking', () => h.slack.thread('CWHO', rootTs).find((m) => JSON.stringify(m.blocks).includes('4 s speaking')));
  assert.ok(person0);

  // "Who speaks" follows the people: someone tagged "not a face" is no longer offered as a speaker.
  const notFace = h.slack.thread('CWHO', rootTs).flatMap((m) => m.blocks.map((b: any) => ({ m, b }))).find(({ b }) => b.block_id === 'person.2.actions');
  assert.ok(notFace);
  const notFaceButton = notFace.b.elements.find((e: any) => e.action_id === ACTION_IDS.tagNotFace);
  await sendInteraction(h.botUrl, blockAction({ user: 'U9', channel: 'CWHO', messageTs: notFace.m.ts, threadTs: rootTs, action: { ...notFaceButton, block_id: 'person.2.actions' }, responseUrl: h.slack.responseUrl('nf') }));
  await h.slack.waitFor('"Who speaks" without Person 2', () => {
    const menu = speakers.blocks.find((b: any) => b.accessory?.action_id === ACTION_IDS.correctSpeaker)?.accessory;
    return speakers.updates > 0 && !menu.options.some((o: any) => o.text.text === 'Person 2');
  });
  assert.match(JSON.stringify(speakers.blocks), /0:06–0:08 · Person 0/, 'and it shows the correction');

  // Finish: the summary says who is heard, and "Seen and heard" and speaking time per person come with the charts.
  const finish = h.slack.thread('CWHO', rootTs).flatMap((m) => m.blocks.map((b: any) => ({ m, b }))).find(({ b }) => b.block_id === 'controls');
  assert.ok(finish);
  const button = finish.b.elements.find((e: any) => e.action_id === ACTION_IDS.finish);
  await sendInteraction(h.botUrl, blockAction({ user: 'U9', channel: 'CWHO', messageTs: finish.m.ts, threadTs: rootTs, action: { ...button, block_id: 'controls' }, responseUrl: h.slack.responseUrl('fin') }));
  const summary = await h.slack.waitFor('the summary', () => h.slack.thread('CWHO', rootTs).find((m) => /women on screen/.test(m.text)));
  assert.match(JSON.stringify(summary.blocks), /Who is heard\* · Speaking time: 6 s of speech/);
  await h.slack.waitFor('the speech charts', () => h.slack.callsTo('files.getUploadURLExternal').some((c) => c.args.filename === 'onscreen-speaking.png') || undefined);
  await h.bot.services.tasks.idle();
  const charts = h.slack.callsTo('files.getUploadURLExternal').map((c) => c.args.filename).filter((f: string) => f.endsWith('.png'));
  assert.deepEqual(charts.sort(), ['onscreen-heard.png', 'onscreen-persons.png', 'onscreen-share.png', 'onscreen-speaking.png', 'onscreen-timeline.png']);
  assert.deepEqual(h.problems, []);
});

test('a video without speech: "Who speaks" says plainly that no speech was found, and no voice is posted', async () => {
  const rootTs = await analyse('silent.mp4', 'CSIL');
  const line = await h.slack.waitFor('"no speech found"', () => h.slack.thread('CSIL', rootTs).find((m) => m.text === 'No speech found in the sound.'), 60_000);
  await h.bot.services.tasks.idle();
  assert.match(JSON.stringify(line.blocks), /No speech found in the sound\. Speaking time is not measured for this video; the screen-time figures stand\./);
  assert.equal(h.slack.thread('CSIL', rootTs).filter((m) => m.text.startsWith('Voice ')).length, 0);
  assert.deepEqual(h.problems, []);
});

test('after a restart the bot finishes a posting Slack interrupted, posts nothing twice, and its menus still work', async () => {
  const uploadsBefore = h.slack.callsTo('files.completeUploadExternal').length;
  h.slack.failNext('files.getUploadURLExternal', 'internal_error');
  const rootTs = await analyse('talk-restart.mp4', 'CRST');
  await h.slack.waitFor('the problem said in the thread', () => h.slack.thread('CRST', rootTs).find((m) => JSON.stringify(m.blocks).includes(':warning:')), 60_000);
  await h.bot.services.tasks.idle();
  const thread = () => h.slack.thread('CRST', rootTs);
  const count = (prefix: string) => thread().filter((m) => m.text.startsWith(prefix)).length;
  assert.equal(count('Who speaks'), 1);
  assert.equal(count('Voice v2'), 0, 'Slack refused the upload: the voice is not posted yet');
  const record = h.bot.services.store.findThread('CRST', rootTs, `${base}/talk-restart.mp4`);
  assert.ok(record);
  assert.equal(h.bot.services.store.speech.state(record.id), 'posting');
  const refused = h.problems.splice(0);
  assert.ok(refused.some((line) => /internal_error/.test(line)), `the refusal was logged (${refused.join(' | ')})`);

  await h.restartBot();
  await h.slack.waitFor('the voice posted after the restart', () => count('Voice v2') === 1 || undefined, 30_000);
  await h.bot.services.tasks.idle();
  assert.equal(count('Who speaks'), 1, '"Who speaks" was posted before the restart, and not again');
  assert.equal(h.slack.callsTo('files.completeUploadExternal').length, uploadsBefore + 1);
  assert.equal(h.bot.services.store.speech.state(record.id), 'posted');

  // A second restart finds nothing left to post.
  const messages = thread().length;
  await h.restartBot();
  await h.bot.services.tasks.idle();
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(thread().length, messages);
  assert.equal(h.slack.callsTo('files.completeUploadExternal').length, uploadsBefore + 1);

  // The menus posted before the restarts still work.
  const speakers = thread().find((m) => m.text.startsWith('Who speaks'))!;
  const row = speakers.blocks.find((b: any) => b.accessory?.action_id === ACTION_IDS.correctSpeaker);
  const off = row.accessory.options.find((o: any) => o.text.text === 'Off screen');
  const action = { type: 'static_select', action_id: ACTION_IDS.correctSpeaker, block_id: row.block_id, selected_option: off };
  await sendInteraction(h.botUrl, blockAction({ user: 'U3', channel: 'CRST', messageTs: speakers.ts, threadTs: rootTs, action, responseUrl: h.slack.responseUrl('rst') }));
  const replaced = await h.slack.waitFor('"Who speaks" replaced', () => h.slack.callsTo('response_url').find((c) => c.args.id === 'rst'));
  assert.match(JSON.stringify(replaced.args.blocks), /0:00–0:02 · off screen/);
  assert.deepEqual(h.problems, []);
});

test('a posting interrupted for a job deleted since is given up at the next start, not retried at every start', async () => {
  h.slack.failNext('files.getUploadURLExternal', 'internal_error');
  const rootTs = await analyse('talk-deleted.mp4', 'CDEL');
  await h.slack.waitFor('the problem said in the thread', () => h.slack.thread('CDEL', rootTs).find((m) => JSON.stringify(m.blocks).includes(':warning:')), 60_000);
  await h.bot.services.tasks.idle();
  const record = h.bot.services.store.findThread('CDEL', rootTs, `${base}/talk-deleted.mp4`);
  assert.ok(record?.jobId);
  assert.equal(h.bot.services.store.speech.state(record.id), 'posting');
  await h.engineClient.deleteJob(record.jobId);
  h.problems.splice(0);
  await h.restartBot();
  await h.bot.services.tasks.idle();
  assert.equal(h.bot.services.store.speech.state(record.id), 'posted');
  assert.equal(h.slack.thread('CDEL', rootTs).filter((m) => m.text.startsWith('Voice ')).length, 0);
  h.problems.splice(0);
});
