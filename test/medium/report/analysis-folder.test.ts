// Real: the file system (a temp folder). Data: a hand-made analysis.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Edit } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { appendEdit, readAnalysis, readEdits, readThumbnail, writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { makeAnalysis, range } from '../../unit/report/analysis-fixture.js';

const analysis = makeAnalysis({ duration: 4, clusters: [[{ samples: range(0, 4), female: 0.9 }]] });
const thumbnails = new Map([
  ['thumbnails/cluster-0.jpg', Buffer.from('cluster')],
  ['thumbnails/track-0.jpg', Buffer.from('track')],
]);
const edit: Edit = { kind: 'tag', cluster: 0, tag: 'female', by: 'ana', at: '2024-01-01T00:00:00Z' };
let dir: string;

const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error: unknown) => error instanceof OnscreenError && error.code === code);
const leftovers = async () => (await readdir(dir, { recursive: true })).filter((name) => name.includes('.partial'));

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'onscreen-folder-')), 'analysis');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

test('an analysis folder reads back what was written, with no temporary files left', async () => {
  assert.equal(await writeAnalysisFolder(dir, { analysis, thumbnails }), null);
  assert.deepEqual(await readAnalysis(dir), analysis);
  assert.equal((await readThumbnail(dir, 'thumbnails/track-0.jpg')).toString(), 'track');
  assert.deepEqual(await leftovers(), []);
});

test('voice samples are written beside the analysis; a new analysis takes away the older one\'s', async () => {
  await writeAnalysisFolder(dir, { analysis, thumbnails, voiceSamples: new Map([['voices/v0.m4a', Buffer.from('v0')], ['voices/v1.m4a', Buffer.from('v1')]]) });
  assert.equal((await readFile(join(dir, 'voices', 'v1.m4a'))).toString(), 'v1');
  await writeAnalysisFolder(dir, { analysis, thumbnails, voiceSamples: new Map([['voices/v0.m4a', Buffer.from('new v0')]]) });
  assert.deepEqual(await readdir(join(dir, 'voices')), ['v0.m4a']);
  assert.equal((await readFile(join(dir, 'voices', 'v0.m4a'))).toString(), 'new v0');
  await writeAnalysisFolder(dir, { analysis, thumbnails });
  assert.equal(existsSync(join(dir, 'voices')), false, 'an analysis without voices leaves no sample behind');
  assert.deepEqual(await leftovers(), []);
});

test('tags.json starts empty, grows by appended edits, and is set aside by a new analysis', async () => {
  await writeAnalysisFolder(dir, { analysis, thumbnails });
  assert.deepEqual(await readEdits(dir), []);
  await appendEdit(dir, edit);
  await appendEdit(dir, { ...edit, tag: 'male' });
  assert.deepEqual((await readEdits(dir)).map((e) => (e.kind === 'tag' ? e.tag : e.kind)), ['female', 'male']);
  const kept = await writeAnalysisFolder(dir, { analysis, thumbnails });
  assert.equal(kept, join(dir, 'tags.previous.json'));
  assert.deepEqual(await readEdits(dir), [], 'the old edits meant the old clusters');
  assert.equal(JSON.parse(await readFile(kept, 'utf8')).edits.length, 2);
});

test('an analysis interrupted while moving files leaves no analysis.json', async () => {
  await writeAnalysisFolder(dir, { analysis, thumbnails });
  // Fails while the new thumbnails are being moved in, after the old analysis.json was removed.
  let keysCalls = 0;
  const failing = new Map(thumbnails);
  failing.keys = () => {
    keysCalls += 1;
    throw new Error('disk full');
  };
  await assert.rejects(writeAnalysisFolder(dir, { analysis, thumbnails: failing }), /disk full/);
  assert.equal(keysCalls, 1);
  assert.equal(existsSync(join(dir, 'analysis.json')), false);
  await rejectsWith(readAnalysis(dir), 'analysis_missing');
  assert.deepEqual(await leftovers(), []);
});

test('missing, foreign and broken analyses fail with their codes', async () => {
  await rejectsWith(readAnalysis(dir), 'analysis_missing');
  await writeAnalysisFolder(dir, { analysis: { ...analysis, schemaVersion: 99 }, thumbnails });
  await rejectsWith(readAnalysis(dir), 'analysis_incompatible');
  await writeFile(join(dir, 'analysis.json'), '{"schemaVersion": 1, "faces": [');
  await rejectsWith(readAnalysis(dir), 'analysis_incompatible');
  await writeFile(join(dir, 'tags.json'), '{"edits": "nope"}');
  await rejectsWith(readEdits(dir), 'analysis_incompatible');
});

test('paths that leave the folder are refused', async () => {
  await rejectsWith(writeAnalysisFolder(dir, { analysis, thumbnails: new Map([['../escape.jpg', Buffer.from('x')]]) }), 'analysis_incompatible');
  assert.equal(existsSync(join(dir, '..', 'escape.jpg')), false);
  await rejectsWith(readThumbnail(dir, '/etc/passwd'), 'analysis_incompatible');
  await rejectsWith(readThumbnail(dir, 'thumbnails/../../x.jpg'), 'analysis_incompatible');
});
