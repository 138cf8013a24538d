/** The queue behind the views' `useAction`: a double click sends once; a tag typed while saving waits, and is not lost. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createActionRunner } from '../../../shared/src/ui/use-action.js';

function recorder() {
  const events: string[] = [];
  const runner = createActionRunner({ onBusy: (busy) => events.push(busy ? 'busy' : 'idle'), onError: (error) => error && events.push(`error: ${error}`) });
  /** An action that logs its start and finishes when `finish` is called. */
  const slow = (name: string) => {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    return { action: async () => (events.push(`start ${name}`), done.then(() => events.push(`end ${name}`))), finish: () => finish() };
  };
  return { events, runner, slow };
}

test('an action started while another is in flight is ignored (a double click sends once)', async () => {
  const { events, runner, slow } = recorder();
  const first = slow('a');
  const running = runner.run(first.action);
  await runner.run(async () => events.push('second'));
  first.finish();
  await running;
  assert.deepEqual(events, ['busy', 'start a', 'end a', 'idle']);
});

test('queued actions wait for the one in flight and run in order; busy until the last', async () => {
  const { events, runner, slow } = recorder();
  const first = slow('m');
  const running = runner.run(first.action, { queue: true });
  const second = runner.run(async () => events.push('u'), { queue: true });
  const third = runner.run(async () => events.push('f'), { queue: true });
  await Promise.resolve();
  assert.deepEqual(events, ['busy', 'start m'], 'nothing else starts before the first ends');
  first.finish();
  await Promise.all([running, second, third]);
  assert.deepEqual(events, ['busy', 'start m', 'end m', 'u', 'f', 'idle']);
});

test('a queued action that fails reports its error and the next one still runs', async () => {
  const { events, runner } = recorder();
  await Promise.all([
    runner.run(async () => Promise.reject(new Error('The engine is not reachable.')), { queue: true }),
    runner.run(async () => events.push('next'), { queue: true }),
  ]);
  assert.equal(events[0], 'busy');
  assert.match(events[1] ?? '', /^error: /);
  assert.deepEqual(events.slice(2), ['next', 'idle']);
});
