/**
 * The bot's collections service with a strict stand-in for the engine (an unexpected call fails):
 * the channel's report looks back 30 days from the bot's clock, and says so in one line when
 * nothing was analysed there since.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { CollectionsService } from '../../../bot/src/services/collections.service.js';
import type { ServiceContext } from '../../../bot/src/services/context.js';

function strictEngine(calls: string[], answers: Partial<OnscreenClient>): OnscreenClient {
  return new Proxy(answers as OnscreenClient, {
    get(target, name: string) {
      const answer = (target as unknown as Record<string, unknown>)[name];
      if (typeof answer !== 'function') throw new Error(`unexpected engine call: ${name}`);
      return (...args: unknown[]) => {
        calls.push(`${name} ${JSON.stringify(args)}`);
        return (answer as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

const NOW = Date.parse('2026-12-07T09:00:00Z');
const collection = { id: 'c1', name: 'Slack channel CNEWS', jobIds: ['j1'], pageUrl: '/collections/c1', key: 'slack-channel:CNEWS' };

test('the channel\'s report asks the engine for the last 30 days, and says in one line when nothing was analysed since', async () => {
  const calls: string[] = [];
  const engine = strictEngine(calls, {
    findCollection: async () => collection as never,
    getCollectionReport: async () => {
      throw new OnscreenError('collection_empty', 'The collection has no video added since 2026-11-07.');
    },
  });
  const store = { analysedJobsInChannel: () => [] };
  const service = new CollectionsService({ engine, store } as unknown as ServiceContext, () => NOW);
  const outcome = await service.report({ channel: 'CNEWS', user: 'U1', name: null });
  assert.deepEqual(outcome, { kind: 'nothing', text: 'Nothing to report in this channel for the last 30 days: no video analysed here since 2026-11-07.' });
  assert.deepEqual(calls, ['findCollection ["slack-channel:CNEWS"]', 'getCollectionReport ["c1","month","2026-11-07T09:00:00.000Z"]']);
});

test('a job joins its channel\'s collection once: the collection is found by its key, and an added job is not added again', async () => {
  const calls: string[] = [];
  const engine = strictEngine(calls, { createCollection: async () => collection as never, addToCollection: async () => collection as never });
  const service = new CollectionsService({ engine } as unknown as ServiceContext, () => NOW);
  await service.addToChannel('CNEWS', 'j2');
  await service.addToChannel('CNEWS', 'j1');
  assert.deepEqual(calls, [
    'createCollection ["Slack channel CNEWS",{"key":"slack-channel:CNEWS"}]',
    'addToCollection ["c1",["j2"]]',
    'createCollection ["Slack channel CNEWS",{"key":"slack-channel:CNEWS"}]',
  ]);
});

test('before a channel\'s report, its analyses of the last 30 days the collection lacks are added one by one; a deleted one stays out', async () => {
  const calls: string[] = [];
  const asked: number[] = [];
  const store = { analysedJobsInChannel: (_channel: string, since: number) => (asked.push(since), ['j1', 'j2', 'gone']) };
  const engine = strictEngine(calls, {
    createCollection: async () => collection as never,
    addToCollection: async (_id: string, jobIds: string[]) => {
      if (jobIds[0] === 'gone') throw new OnscreenError('job_not_found', 'No job gone.');
      return collection as never;
    },
    findCollection: async () => null,
  });
  const logger = { debug: () => undefined };
  const outcome = await new CollectionsService({ engine, store, logger } as unknown as ServiceContext, () => NOW).report({ channel: 'CNEWS', user: 'U1', name: null });
  assert.deepEqual(asked, [NOW - 30 * 86_400_000]);
  assert.deepEqual(calls.slice(0, 3), ['createCollection ["Slack channel CNEWS",{"key":"slack-channel:CNEWS"}]', 'addToCollection ["c1",["j2"]]', 'addToCollection ["c1",["gone"]]']);
  assert.equal(outcome.kind, 'nothing');
});
