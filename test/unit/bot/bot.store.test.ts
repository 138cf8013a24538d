import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { BotStore } from '../../../bot/src/store/bot.store.js';

const dir = mkdtempSync(join(tmpdir(), 'onscreen-bot-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let clock = 1_000_000;
const store = new BotStore(join(dir, 'nested'), () => clock);
after(() => store.close());

const request = { channel: 'C1', rootTs: '100.1', url: 'https://example.org/a.mp4', requestedBy: 'U1', trigger: 'message' as const };

test('an event is handled once; retries are recognised; old keys are forgotten after a day', () => {
  assert.equal(store.markEventHandled('event:Ev1'), true);
  assert.equal(store.markEventHandled('event:Ev1'), false);
  clock += 25 * 3600 * 1000;
  assert.equal(store.markEventHandled('event:Ev2'), true);
  assert.equal(store.markEventHandled('event:Ev1'), true, 'forgotten after a day');
});

test('a message asks for a video once; a failed one can be claimed again by a person retrying', () => {
  const thread = store.claimThread(request);
  assert.ok(thread);
  assert.equal(thread.status, 'starting');
  assert.equal(store.claimThread({ ...request, trigger: 'mention' }), null);
  assert.ok(store.claimThread({ ...request, url: 'https://example.org/b.mp4' }), 'another link in the same message is its own analysis');
  store.updateThread(thread.id, { status: 'failed', jobId: 'j-old', progressTs: '100.2' });
  assert.equal(store.claimThread({ ...request, trigger: 'mention' }), null, 'another event about the message does not retry');
  const retried = store.claimThread({ ...request, requestedBy: 'U2', trigger: 'unfurl' }, true);
  assert.equal(retried?.id, thread.id);
  assert.equal(retried?.status, 'starting');
  assert.equal(retried?.jobId, null);
  assert.equal(retried?.progressTs, '100.2', 'the retry reuses the progress message');
  assert.deepEqual(store.participants(thread.id), ['U1', 'U2']);
});

test('threads follow jobs; pages keep their ts; charts are claimed once per revision', () => {
  const thread = store.claimThread({ ...request, rootTs: '200.1' })!;
  store.updateThread(thread.id, { jobId: 'job-A', status: 'analysing', title: 'News' });
  assert.deepEqual(store.threadsForJob('job-A').map((t) => t.id), [thread.id]);
  assert.ok(store.unfinishedThreads().some((t) => t.id === thread.id));
  store.setPage(thread.id, 0, '200.5');
  store.setPage(thread.id, 1, '200.6');
  store.setPage(thread.id, 0, '200.7');
  assert.deepEqual([...store.getPages(thread.id)], [[0, '200.7'], [1, '200.6']]);
  assert.equal(store.claimCharts(thread.id, 3), true);
  assert.equal(store.claimCharts(thread.id, 3), false, 'the same tags post charts once');
  assert.equal(store.claimCharts(thread.id, 4), true, 'changed tags may post again');
  store.releaseCharts(thread.id, 4);
  assert.equal(store.claimCharts(thread.id, 4), true, 'a failed post can be retried');
});

test('recent analyses: the user\'s own, and those in channels where they took part', () => {
  clock += 1000;
  const mine = store.claimThread({ ...request, channel: 'C9', rootTs: '300.1', requestedBy: 'U5' })!;
  clock += 1000;
  const other = store.claimThread({ ...request, channel: 'C9', rootTs: '301.1', requestedBy: 'U6' })!;
  store.claimThread({ ...request, channel: 'C8', rootTs: '302.1', requestedBy: 'U6' });
  assert.deepEqual(store.recentForUser('U5', 10).map((t) => t.id), [mine.id]);
  assert.deepEqual(store.recentInUserChannels('U5', 10).map((t) => t.id), [other.id, mine.id]);
  store.addParticipant(other.id, 'U7');
  assert.deepEqual(store.recentInUserChannels('U7', 10).map((t) => t.channel), ['C9', 'C9']);
});

test('channel opt-ins', () => {
  assert.equal(store.isOptedIn('C1'), false);
  store.setOptIn('C1', true, 'U1');
  assert.equal(store.isOptedIn('C1'), true);
  store.setOptIn('C1', false, 'U1');
  assert.equal(store.isOptedIn('C1'), false);
});

test('the state survives a restart', () => {
  const again = new BotStore(join(dir, 'nested'), () => clock);
  try {
    assert.ok(again.threadsForJob('job-A').length === 1);
    assert.equal(again.markEventHandled('event:Ev2'), false);
  } finally {
    again.close();
  }
});

test('a thread keeps the layout someone chose for it; none chosen is null; a store opened again still has it', () => {
  const thread = store.claimThread({ ...request, rootTs: '300.1' });
  assert.ok(thread);
  assert.equal(store.getLayout(thread.id), null);
  store.setLayout(thread.id, 'compact');
  store.setLayout(thread.id, 'full');
  assert.equal(store.getLayout(thread.id), 'full');
  const again = new BotStore(join(dir, 'nested'), () => clock);
  assert.equal(again.getLayout(thread.id), 'full');
  again.close();
});

test('a channel\'s analysed jobs since a time: each once, not the failed or unfinished ones, nor other channels\'', () => {
  const since = clock;
  const make = (channel: string, rootTs: string, jobId: string, status: 'tagging' | 'done' | 'failed' | 'analysing') => {
    const thread = store.claimThread({ ...request, channel, rootTs, url: `https://example.org/${rootTs}.mp4` });
    assert.ok(thread);
    store.updateThread(thread.id, { jobId, status });
  };
  make('CREP', '1.1', 'j-a', 'tagging');
  make('CREP', '1.2', 'j-b', 'done');
  make('CREP', '1.3', 'j-a', 'done');
  make('CREP', '1.4', 'j-c', 'failed');
  make('CREP', '1.5', 'j-d', 'analysing');
  make('COTHER', '1.6', 'j-e', 'done');
  assert.deepEqual(store.analysedJobsInChannel('CREP', since), ['j-a', 'j-b']);
  assert.deepEqual(store.analysedJobsInChannel('CREP', clock + 1), [], 'none started since then');
});

test('what was posted about a thread\'s speech is claimed once, kept across a reopening, and finished', () => {
  const thread = store.claimThread({ ...request, channel: 'CSPEECH', rootTs: '777.1' });
  assert.ok(thread);
  assert.equal(store.speech.state(thread.id), null);
  assert.equal(store.speech.claim(thread.id), true);
  assert.equal(store.speech.claim(thread.id), false, 'a second posting is refused');
  store.speech.setSpeakersTs(thread.id, '777.2');
  store.speech.setVoiceTs(thread.id, 'v2', '777.3');
  const reopened = new BotStore(join(dir, 'nested'), () => clock);
  try {
    assert.equal(reopened.speech.state(thread.id), 'posting');
    assert.ok(reopened.speech.unfinished().includes(thread.id));
    assert.equal(reopened.speech.speakersTs(thread.id), '777.2');
    assert.deepEqual([...reopened.speech.voiceMessages(thread.id)], [['v2', '777.3']]);
    reopened.speech.finish(thread.id);
    assert.equal(reopened.speech.state(thread.id), 'posted');
    assert.ok(!reopened.speech.unfinished().includes(thread.id));
  } finally {
    reopened.close();
  }
});
