import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { shouldRun, type Feature } from '../../../extension/src/content/feature.js';
import { runFeatures } from '../../../extension/src/content/navigation.js';
import { isWatchPage } from '../../../extension/src/youtube-page.js';

const featuresDir = new URL('../../../extension/src/features/', import.meta.url);

function feature(id: string, include: Feature['include'], init: Feature['init'] = () => undefined, exclude?: Feature['exclude']): Feature {
  return { id, include, init, ...(exclude ? { exclude } : {}) };
}

test('a feature runs where an include rule holds and no exclude rule does', () => {
  const watch = new URL('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  const home = new URL('https://www.youtube.com/');
  assert.equal(shouldRun(feature('a', [isWatchPage]), watch), true);
  assert.equal(shouldRun(feature('a', [isWatchPage]), home), false);
  assert.equal(shouldRun(feature('b', []), home), true, 'no include rule: everywhere');
  assert.equal(shouldRun(feature('c', [], undefined, [(url) => url.searchParams.has('list')]), new URL(`${watch}&list=PL1`)), false);
});

/** A page whose URL the test moves, with YouTube's in-page navigation under the test's control. */
function fakePage(start: string) {
  let url = start;
  const listeners: Array<() => void> = [];
  return {
    env: { currentUrl: () => url, onNavigate: (callback: () => void) => void listeners.push(callback), onError: () => undefined },
    navigate(next: string) {
      url = next;
      for (const listener of listeners) listener();
    },
  };
}

test('in-page navigation aborts the previous run and starts the features again where they apply', async () => {
  const signals: Array<{ url: string; signal: AbortSignal }> = [];
  const page = fakePage('https://www.youtube.com/watch?v=aaaaaaaaaaa');
  const tracker = feature('tracker', [isWatchPage], (signal) => void signals.push({ url: page.env.currentUrl(), signal }));
  runFeatures([tracker], page.env);
  await Promise.resolve();
  assert.equal(signals.length, 1);

  page.navigate('https://www.youtube.com/watch?v=bbbbbbbbbbb');
  await Promise.resolve();
  assert.equal(signals.length, 2);
  assert.equal(signals[0]?.signal.aborted, true, 'the first video’s run is torn down');
  assert.equal(signals[1]?.signal.aborted, false);
  assert.equal(signals[1]?.url, 'https://www.youtube.com/watch?v=bbbbbbbbbbb');

  page.navigate('https://www.youtube.com/feed/subscriptions');
  await Promise.resolve();
  assert.equal(signals.length, 2, 'not a watch page: the feature does not start');
  assert.equal(signals[1]?.signal.aborted, true, 'but the last run is still torn down');
});

test('one failing feature does not stop the others, and its error is reported', async () => {
  const errors: string[] = [];
  const started: string[] = [];
  const page = fakePage('https://www.youtube.com/watch?v=aaaaaaaaaaa');
  runFeatures(
    [
      feature('broken', [], () => Promise.reject(new Error('boom'))),
      feature('fine', [], () => void started.push('fine')),
    ],
    { ...page.env, onError: (id) => void errors.push(id) },
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(started, ['fine']);
  assert.deepEqual(errors, ['broken']);
});

test('every feature file is registered, and its id is its file name', () => {
  const index = readFileSync(new URL('index.ts', featuresDir), 'utf8');
  const files = readdirSync(featuresDir).filter((name) => /\.tsx?$/.test(name) && !name.startsWith('index.'));
  assert.ok(files.length >= 3);
  for (const file of files) {
    const source = readFileSync(new URL(file, featuresDir), 'utf8');
    const exported = /export const (\w+): Feature = \{\s*id: '([\w-]+)'/.exec(source);
    assert.ok(exported, `${file} exports a Feature`);
    assert.equal(exported[2], file.replace(/\.tsx?$/, ''), `${file}: id is the file name`);
    assert.match(index, new RegExp(`FEATURES[^=]*= \\[[^\\]]*\\b${exported[1]}\\b`), `${file} is listed in FEATURES`);
  }
});
