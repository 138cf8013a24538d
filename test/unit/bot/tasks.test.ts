import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyedCoalescer, TaskRunner } from '../../../bot/src/services/tasks.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error', setName() {} } as never;

test('requests that pile up while one runs fold into one more run, per key', async () => {
  const coalescer = new KeyedCoalescer();
  const runs: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const first = coalescer.run('a', async () => { runs.push('a1'); await gate; });
  const queued = Array.from({ length: 5 }, () => coalescer.run('a', async () => { runs.push('a-next'); }));
  const other = coalescer.run('b', async () => { runs.push('b1'); });
  await other;
  assert.deepEqual(runs, ['a1', 'b1']);
  release();
  await Promise.all([first, ...queued]);
  assert.deepEqual(runs, ['a1', 'b1', 'a-next']);
  await coalescer.run('a', async () => { runs.push('a-later'); });
  assert.deepEqual(runs.at(-1), 'a-later');
});

test('a failed run does not block the next one', async () => {
  const coalescer = new KeyedCoalescer();
  await assert.rejects(coalescer.run('k', async () => { throw new Error('boom'); }), /boom/);
  let ran = false;
  await coalescer.run('k', async () => { ran = true; });
  assert.equal(ran, true);
});

test('close() aborts running tasks and waits for them', async () => {
  const tasks = new TaskRunner(quiet);
  let sawAbort = false;
  tasks.run('wait', (signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => { sawAbort = true; resolve(); })));
  tasks.run('fail', async () => { throw new Error('logged, not thrown'); });
  await tasks.close();
  assert.equal(sawAbort, true);
  let ranAfterClose = false;
  tasks.run('late', async () => { ranAfterClose = true; });
  await tasks.idle();
  assert.equal(ranAfterClose, false);
});
