import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRouter, type Handlers } from '../../../extension/src/background/router.js';
import { ExtensionError } from '../../../extension/src/errors.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { makeJob } from './fixtures.js';

/** Every handler fails loudly unless a test gives it: a call nobody expected is a bug. */
function strictHandlers(given: Partial<Handlers>): Handlers {
  return new Proxy(given as Handlers, {
    get(target, key: string) {
      return target[key as keyof Handlers] ?? (() => assert.fail(`unexpected call to ${key}`));
    },
    has: () => true,
  });
}

test('a message reaches its handler with its payload and sender, and the answer comes back', async () => {
  const calls: unknown[] = [];
  const route = createRouter(
    strictHandlers({
      analyze: async (payload, sender) => {
        calls.push([payload, sender]);
        return makeJob({ id: 'j9' });
      },
    }),
  );
  const reply = await route({ type: 'analyze', payload: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }, { tabId: 7 });
  assert.deepEqual(calls, [[{ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }, { tabId: 7 }]]);
  assert.equal(reply?.ok, true);
  assert.equal(reply?.ok && (reply.value as { id: string }).id, 'j9');
});

test('what is not a router message is left for other listeners', () => {
  const route = createRouter(strictHandlers({}));
  assert.equal(route({ type: 'seekTo', seconds: 3 }, {}), undefined);
  assert.equal(route('hello', {}), undefined);
  assert.equal(route(null, {}), undefined);
  assert.equal(route({ type: 'toString' }, {}), undefined);
});

test("the engine's errors cross as data with their code and hint", async () => {
  const route = createRouter(
    strictHandlers({
      people: () => {
        throw new OnscreenError('unauthorized', 'A valid API token is required.', { hint: 'Create one with onscreen token create.' });
      },
    }),
  );
  assert.deepEqual(await route({ type: 'people', payload: { jobId: 'x' } }, {}), {
    ok: false,
    error: { code: 'unauthorized', message: 'A valid API token is required.', hint: 'Create one with onscreen token create.' },
  });
});

test("the extension's own errors keep their code", async () => {
  const route = createRouter(
    strictHandlers({ recentJobs: async () => Promise.reject(new ExtensionError({ code: 'not_configured', message: 'Not connected.' })) }),
  );
  assert.deepEqual(await route({ type: 'recentJobs', payload: {} }, {}), { ok: false, error: { code: 'not_configured', message: 'Not connected.' } });
});

test('an unexpected error becomes a plain sentence, never a stack trace', async () => {
  const route = createRouter(strictHandlers({ report: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")) }));
  const reply = await route({ type: 'report', payload: { jobId: 'x' } }, {});
  assert.equal(reply?.ok, false);
  const error = reply && !reply.ok ? reply.error : null;
  assert.equal(error?.code, 'internal');
  assert.doesNotMatch(error?.message ?? '', /Cannot read|at |TypeError/);
});
