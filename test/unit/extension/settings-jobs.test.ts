import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExtensionError } from '../../../extension/src/errors.js';
import { describeJob, findJobForVideo, findTransition, upsertJob } from '../../../extension/src/jobs.js';
import { isConfigured, normaliseServerUrl, originPattern } from '../../../extension/src/settings.js';
import { makeJob } from './fixtures.js';

test('the engine address is normalised to a base URL', () => {
  assert.equal(normaliseServerUrl(' http://127.0.0.1:8750/ '), 'http://127.0.0.1:8750');
  assert.equal(normaliseServerUrl('127.0.0.1:8750'), 'http://127.0.0.1:8750');
  assert.equal(normaliseServerUrl('https://onscreen.example/tools/api/v1'), 'https://onscreen.example/tools');
  assert.throws(() => normaliseServerUrl('ftp://files.example'), ExtensionError);
  assert.throws(() => normaliseServerUrl('http://'), ExtensionError);
});

test('the permission asked for covers the engine host on every port', () => {
  assert.equal(originPattern('http://127.0.0.1:8750'), 'http://127.0.0.1/*');
  assert.equal(originPattern('https://onscreen.example/tools'), 'https://onscreen.example/*');
  assert.equal(isConfigured({ serverUrl: 'http://x', token: '' }), false);
  assert.equal(isConfigured({ serverUrl: 'http://x', token: 't' }), true);
});

test('the stored list keeps the newest copy of each job, newest first, capped', () => {
  const a = makeJob({ id: 'a', createdAt: '2025-01-01T10:00:00Z' });
  const b = makeJob({ id: 'b', createdAt: '2025-01-02T10:00:00Z' });
  const { jobs, previous } = upsertJob([a], b);
  assert.deepEqual(jobs.map((j) => j.id), ['b', 'a']);
  assert.equal(previous, undefined);
  const running = { ...a, status: 'running' as const };
  const second = upsertJob(jobs, running);
  assert.deepEqual(second.jobs.map((j) => [j.id, j.status]), [['b', 'queued'], ['a', 'running']]);
  assert.equal(second.previous, a);
  assert.equal(upsertJob(jobs, makeJob({ id: 'c', createdAt: '2025-01-03T00:00:00Z' }), 2).jobs.length, 2);
});

test('the job for a video is its newest', () => {
  const old = makeJob({ id: 'old', createdAt: '2025-01-01T00:00:00Z' });
  const fresh = makeJob({ id: 'new', createdAt: '2025-02-01T00:00:00Z' });
  const other = makeJob({ id: 'other', source: { kind: 'youtube', label: 'x', videoId: 'zzzzzzzzzzz' } });
  assert.equal(findJobForVideo([old, other, fresh], 'dQw4w9WgXcQ')?.id, 'new');
  assert.equal(findJobForVideo([other], 'dQw4w9WgXcQ'), undefined);
  assert.equal(findJobForVideo(undefined, 'dQw4w9WgXcQ'), undefined);
});

test('only leaving the analysis for tagging or failure is news', () => {
  const running = makeJob({ status: 'running' });
  assert.equal(findTransition(running, makeJob({ status: 'tagging' })), 'ready-to-tag');
  assert.equal(findTransition(makeJob({ status: 'queued' }), makeJob({ status: 'failed' })), 'failed');
  assert.equal(findTransition(running, makeJob({ status: 'running' })), null);
  assert.equal(findTransition(makeJob({ status: 'tagging' }), makeJob({ status: 'tagging' })), null, 'no second notification');
  assert.equal(findTransition(makeJob({ status: 'tagging' }), makeJob({ status: 'done' })), null);
  assert.equal(findTransition(undefined, makeJob({ status: 'tagging' })), null, 'a job first seen ready is no news');
});

test('a job is named by its title, else its video', () => {
  assert.equal(describeJob(makeJob({ title: 'Evening news' })), 'Evening news');
  assert.equal(describeJob(makeJob()), 'YouTube video dQw4w9WgXcQ');
  assert.equal(describeJob(makeJob({ source: { kind: 'upload', label: 'clip.mp4', videoId: null } })), 'clip.mp4');
});
