/** The progress message's throttle: new steps go out at once, percent changes at most once per interval, in order, never overlapping. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceContext } from '../../../bot/src/services/context.js';
import { ProgressMessage } from '../../../bot/src/services/progress-message.js';
import { BotStore } from '../../../bot/src/store/bot.store.js';
import { makeJob } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'onscreen-bot-progress-'));
const store = new BotStore(dir);
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function fakeSlack(delayMs: number) {
  const sent: { method: string; text: string; ts: string }[] = [];
  let inFlight = 0;
  let overlapped = false;
  const call = (method: string) => async (args: { text: string; ts?: string }) => {
    inFlight += 1;
    overlapped ||= inFlight > 1;
    await sleep(delayMs);
    inFlight -= 1;
    sent.push({ method, text: args.text, ts: args.ts ?? '1.000100' });
    return { ok: true, ts: args.ts ?? '1.000100' };
  };
  return { sent, isOverlapped: () => overlapped, chat: { postMessage: call('postMessage'), update: call('update') } };
}

test('rapid percent updates are thinned to the latest per interval; a new stage goes out at once', async () => {
  const slack = fakeSlack(20);
  const thread = store.claimThread({ channel: 'C1', rootTs: '1.000001', url: 'https://e.org/a.mp4', requestedBy: 'U1', trigger: 'command' })!;
  const ctx = { slack, store, progressIntervalMs: 300, logger: { warn: () => undefined } } as unknown as ServiceContext;
  const progress = new ProgressMessage(ctx, thread);
  await progress.show(null);
  const at = (stage: 'frames' | 'faces', percent: number) => makeJob({ progress: { stage, percent, etaSeconds: null, message: '' } });
  for (let p = 1; p <= 10; p += 1) progress.update(at('frames', p));
  await sleep(100);
  progress.update(at('frames', 11));
  progress.update(at('faces', 30));
  await sleep(500);
  await progress.settle(makeJob({ status: 'tagging', people: 3 }));
  const texts = slack.sent.map((s) => s.text.replace(/^Analysing \S+: /, ''));
  assert.equal(slack.sent[0]?.method, 'postMessage');
  assert.ok(slack.sent.slice(1).every((s) => s.method === 'update' && s.ts === '1.000100'), 'every later change rewrites the same message');
  assert.match(texts[1] ?? '', /^Reading frames, 10%/, 'the first step goes out with the latest figure');
  assert.ok(!texts.some((t) => /Reading frames, [1-9]%/.test(t)), `intermediate percents were skipped: ${texts.join(' | ')}`);
  assert.match(texts[2] ?? '', /^Finding faces, 30%/, 'the new stage went out without waiting for the interval, superseding 11%');
  assert.ok(!texts.some((t) => /Reading frames, 11%/.test(t)));
  assert.match(slack.sent.at(-1)?.text ?? '', /3 people found/);
  assert.ok(slack.sent.length <= 6, `${slack.sent.length} calls for 13 changes`);
  assert.equal(slack.isOverlapped(), false, 'updates never overlap');
  assert.equal(store.getThread(thread.id)?.progressTs, '1.000100');
});
