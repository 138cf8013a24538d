/**
 * Data at rest is for the service's account only (issue 10): started under the usual umask 022,
 * the service creates every folder 0700 and every file 0600: the database and its WAL, job
 * folders, thumbnails, tags, uploads, the secret. An older data folder is narrowed at start.
 * The command line's `token` and `share`, which may open the data folder before any `serve`, do the same.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { walk } from './helpers/traces.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { startTestService } from './helpers/test-service.js';

test('under umask 022, every folder is 0700 and every file 0600', async () => {
  process.umask(0o022);
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-modes-'));
  chmodSync(dataDir, 0o755); // as an earlier version, or `mkdir data`, left it
  // The first job completes; the second stays in analysis, so that its upload is on disk.
  let calls = 0;
  const processor: AnalysisProcessor = (_task, { signal }) =>
    ++calls === 1 ? Promise.resolve(makeTinyAnalysis()) : new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))));
  const s = await startTestService({}, { processor }, dataDir);
  try {
    const tagged = await s.client.watchJob((await s.client.uploadJob(new Uint8Array(2048).fill(1), 'a.mp4')).id, () => undefined);
    await s.client.tag(tagged.id, 0, 'female', 'ana');
    await s.client.uploadJob(new Uint8Array(2048).fill(2), 'b.mp4');
    const entries = await walk(dataDir);
    const kinds = new Set(entries.map((e) => e.path.slice(dataDir.length + 1).split('/')[0]));
    for (const expected of ['onscreen.sqlite', 'onscreen.sqlite-wal', 'jobs', 'uploads', 'work', 'secret']) assert.ok(kinds.has(expected), `${expected} exists`);
    assert.ok(entries.some((e) => /uploads\/[0-9a-f]{20}\.mp4$/.test(e.path)), 'an upload exists');
    assert.ok(entries.some((e) => /thumbnails\/.+\.jpg$/.test(e.path)), 'thumbnails exist');
    const wrong = [{ path: dataDir, isFolder: true }, ...entries]
      .map((e) => ({ ...e, mode: statSync(e.path).mode & 0o777 }))
      .filter((e) => e.mode !== (e.isFolder ? 0o700 : 0o600))
      .map((e) => `${e.path.slice(dataDir.length)} ${e.mode.toString(8)}`);
    assert.deepEqual(wrong, []);
  } finally {
    await s.close();
    process.umask(0o022);
  }
});

test('under umask 022, `onscreen token create` before any serve makes the data folder 0700 and the database 0600', { timeout: 60_000 }, async () => {
  const mask = process.umask(0o022);
  const root = await mkdtemp(join(tmpdir(), 'onscreen-modes-cli-'));
  try {
    const dataDir = join(root, 'data');
    const cli = fileURLToPath(new URL('../../../bin/onscreen.js', import.meta.url));
    // The child inherits this umask, as from a user's shell.
    for (const args of [['token', 'create', 'newsroom'], ['token', 'list']]) {
      execFileSync(process.execPath, [cli, ...args, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    }
    const entries = [{ path: dataDir, isFolder: true }, ...(await walk(dataDir))];
    assert.ok(entries.some((e) => e.path.endsWith('onscreen.sqlite')), 'the database exists');
    const wrong = entries.map((e) => ({ ...e, mode: statSync(e.path).mode & 0o777 })).filter((e) => e.mode !== (e.isFolder ? 0o700 : 0o600)).map((e) => `${e.path} ${e.mode.toString(8)}`);
    assert.deepEqual(wrong, [], 'before: the database was 0644');
  } finally {
    process.umask(mask);
    await rm(root, { recursive: true, force: true });
  }
});
