/**
 * Conventions that keep the bot whole: every action id a message carries has a listener and
 * every listener's id is used somewhere; modals and shortcuts match their callback ids; the
 * manifest asks for exactly the events and scopes the listeners need; each listener folder
 * registers through its index.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { App } from '@slack/bolt';
import { LISTENER_GROUPS } from '../../../bot/src/app.js';
import { buildAnalyzeModal } from '../../../bot/src/blocks/analyze-modal.blocks.js';
import { buildCollectionSummary } from '../../../bot/src/blocks/collection-summary.blocks.js';
import { buildHomeView } from '../../../bot/src/blocks/home.blocks.js';
import { ACTION_IDS, COMMANDS, INPUT_IDS, SHORTCUT_IDS, VIEW_IDS } from '../../../bot/src/blocks/ids.js';
import { buildNotice, buildUsage } from '../../../bot/src/blocks/notice.blocks.js';
import { buildPeoplePage, sortPeople } from '../../../bot/src/blocks/people.blocks.js';
import { buildPersonModal } from '../../../bot/src/blocks/person-modal.blocks.js';
import { buildSpeakersMessage } from '../../../bot/src/blocks/speakers.blocks.js';
import { buildProgressMessage } from '../../../bot/src/blocks/progress.blocks.js';
import { buildSummaryMessage } from '../../../bot/src/blocks/summary.blocks.js';
import { buildUnfurl } from '../../../bot/src/blocks/unfurl.blocks.js';
import { buildVoiceMessage } from '../../../bot/src/blocks/voice.blocks.js';
import type { BotServices } from '../../../bot/src/services/index.js';
import { collectActionIds, makeJob, makePeople, makeReport } from './fixtures.js';

const root = new URL('../../../', import.meta.url).pathname;

interface Registered { actions: string[]; events: string[]; commands: string[]; shortcuts: string[]; views: string[] }

function recordRegistrations(): Registered {
  const registered: Registered = { actions: [], events: [], commands: [], shortcuts: [], views: [] };
  const id = (constraint: unknown) => (typeof constraint === 'string' ? constraint : (constraint as { callback_id?: string; action_id?: string }).callback_id ?? (constraint as { action_id?: string }).action_id ?? '?');
  const recorder = {
    action: (c: unknown) => registered.actions.push(id(c)),
    event: (name: string) => registered.events.push(name),
    command: (name: string) => registered.commands.push(name),
    shortcut: (c: unknown) => registered.shortcuts.push(id(c)),
    view: (c: unknown) => registered.views.push(id(c)),
  };
  for (const group of Object.values(LISTENER_GROUPS)) group.register(recorder as unknown as App, {} as BotServices);
  return registered;
}

function collectionTotal(): Parameters<typeof buildCollectionSummary>[0]['total'] {
  const time = { seconds: 10, share: 0.25 };
  return {
    videos: 2, duration: 40, screenTime: { female: time, male: time, unknown: time }, femaleShareOfGendered: 0.5,
    femaleShareRange: { low: 0.2, high: 0.3 }, people: { female: 1, male: 1, unknown: 0, untagged: 1 },
    tagging: { byPerson: 2, fromLibrary: 0, acceptedSuggestion: 0, untagged: 1 },
  };
}

function everyBuiltBlock(): unknown[] {
  const people = sortPeople(makePeople(3));
  const page = { jobId: 'job-1', people, page: 0, videoLabel: 'v', duration: 60, faceUrl: () => 'https://b.example/t.jpg', finishedBy: null };
  const modal = { jobId: 'job-1', person: people[0]!, people, duration: 60, videoLabel: 'v', stripUrl: 'https://b.example/s.jpg', place: { channel: 'C1', threadTs: '1.2' } };
  return [
    ...buildPeoplePage({ ...page, layout: 'full' }).blocks,
    ...buildPeoplePage({ ...page, layout: 'compact' }).blocks,
    ...buildPersonModal(modal).blocks,
    ...buildProgressMessage({ url: 'https://e.org/a.mp4', title: null, requestedBy: 'U1', job: makeJob(), failure: null }).blocks,
    ...buildSummaryMessage({ report: makeReport(), videoLabel: 'v', reportUrl: 'https://e.org/r', finishedBy: 'U1' }).blocks,
    ...buildHomeView({ mine: [], channels: [] }).blocks,
    ...buildUnfurl('https://www.youtube.com/watch?v=abcdefghijk').blocks,
    ...buildCollectionSummary({ subject: '<#C1>', subjectText: 'this channel', total: collectionTotal(), pending: 1, reportUrl: 'https://e.org/share/x', pageUrl: 'https://e.org/collections/c1', requestedBy: 'U1' }).blocks,
    ...buildAnalyzeModal().blocks,
    ...buildNotice('x').blocks,
    ...buildUsage().blocks,
    ...buildSpeakersMessage('job-1', [{ start: 0.5, end: 2.5, person: people[0]!.id, voice: 'v0' }], people).blocks,
    ...buildVoiceMessage('job-1', { id: 'v2', seconds: 4, person: null, suggestion: null, pitchHz: null, firstAt: 12, sample: 'voices/v2.m4a', tag: null, taggedBy: null, taggedOnBehalfOf: null, taggedAt: null, counts: null, countsFrom: null }).blocks,
  ];
}

test('every action id in the blocks has a listener, and every listener\'s id is used in the blocks', () => {
  const { interactive, inputs } = collectActionIds(everyBuiltBlock());
  const registered = new Set(recordRegistrations().actions);
  assert.equal(recordRegistrations().actions.length, registered.size, 'no action id is registered twice');
  assert.deepEqual([...interactive].sort(), [...registered].sort());
  assert.deepEqual([...registered].sort(), Object.values(ACTION_IDS).sort(), 'ACTION_IDS lists exactly the registered actions');
  const inputIds = new Set<string>(Object.values(INPUT_IDS));
  for (const input of inputs) assert.ok(inputIds.has(input), `input ${input} is declared in INPUT_IDS`);
});

test('modals, shortcuts and commands are registered under the ids the builders and the manifest use', () => {
  const registered = recordRegistrations();
  assert.deepEqual(registered.views, Object.values(VIEW_IDS));
  assert.equal(buildAnalyzeModal().callback_id, VIEW_IDS.analyzeModal);
  assert.deepEqual(registered.shortcuts, Object.values(SHORTCUT_IDS));
  assert.deepEqual(registered.commands, Object.values(COMMANDS));
  const manifest = readFileSync(join(root, 'bot/manifest.yml'), 'utf8');
  for (const callback of Object.values(SHORTCUT_IDS)) assert.match(manifest, new RegExp(`callback_id: ${callback.replace(/\./g, '\\.')}\\n`));
  for (const command of Object.values(COMMANDS)) assert.match(manifest, new RegExp(`- command: ${command}\\n`));
});

test('the manifest subscribes to exactly the events the listeners handle, with least scopes, each explained', () => {
  const manifest = readFileSync(join(root, 'bot/manifest.yml'), 'utf8');
  const list = (key: string) => [...(new RegExp(`${key}:\\n((?:\\s+- .+\\n)+)`).exec(manifest)?.[1] ?? '').matchAll(/- (\S+)/g)].map((m) => m[1]);
  const events = recordRegistrations().events.map((name) => (name === 'message' ? 'message.channels' : name));
  assert.deepEqual(list('bot_events').sort(), [...new Set(events)].sort());
  const scopes = list('bot');
  assert.deepEqual(scopes.sort(), ['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'files:write', 'links:read', 'links:write']);
  const readme = readFileSync(join(root, 'bot/README.md'), 'utf8');
  for (const scope of scopes) assert.match(readme, new RegExp(`\\| \`${scope}\` \\| .{20,}`), `README explains ${scope}`);
});

test('each listener folder has an index registering its handlers, one handler per file', () => {
  const dir = join(root, 'bot/src/listeners');
  for (const kind of Object.keys(LISTENER_GROUPS)) {
    const files = readdirSync(join(dir, kind));
    assert.ok(files.includes('index.ts'), `${kind}/index.ts`);
    const handlers = files.filter((f) => f !== 'index.ts' && f.endsWith(`.${kind.replace(/s$/, '')}.ts`));
    assert.ok(handlers.length > 0, `${kind} has handlers`);
    const index = readFileSync(join(dir, kind, 'index.ts'), 'utf8');
    for (const handler of handlers) assert.ok(index.includes(handler.replace(/\.ts$/, '.js')), `${kind}/index.ts registers ${handler}`);
  }
});

test('bot code reaches the engine only through the shared client', () => {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(join(root, 'bot/src'))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from '(\.\.\/)+engine\//, `${file} imports engine code`);
    assert.doesNotMatch(text, /process\.env/, `${file} reads process.env (config.ts takes it from the CLI)`);
  }
});
