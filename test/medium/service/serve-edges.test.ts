/**
 * Operators' edges of `onscreen serve` (issue 10): a port in use is one line naming the port and
 * how to change it; stopping `npx onscreen serve` stops every process and frees the port;
 * report.html has a strict Content-Security-Policy; a job's event stream ends when the job rests.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { freePort } from '../../e2e/service/helpers/redis-server.js';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'bin/onscreen.js');
/** The environment of a child, without npm's variables of the test runner itself. */
const plainEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));

/** The whole body of a job's event stream, or what came within `timeoutMs` if it never ends. */
async function readStream(s: TestService, jobId: string, timeoutMs: number): Promise<{ text: string; isEnded: boolean }> {
  const response = await fetch(`${s.url}/api/v1/jobs/${jobId}/events`, { headers: { authorization: `Bearer ${s.token}` } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) break;
    text += value;
  }
  clearTimeout(deadline);
  return { text, isEnded: !deadline.hasRef() || text.includes('event: end') };
}

test('the events stream sends a last `end` event and closes when the job rests: tagging, failed, and already resting', { timeout: 30_000 }, async () => {
  let calls = 0;
  const processor: AnalysisProcessor = async (_task, { onProgress }) => {
    onProgress({ stage: 'faces', percent: 50, etaSeconds: 1, message: 'Finding faces' });
    await new Promise((r) => setTimeout(r, 300));
    if (++calls === 2) throw new OnscreenError('video_unreadable', 'The file is not a video that can be read.');
    return makeTinyAnalysis();
  };
  const s = await startTestService({}, { processor });
  try {
    for (const expected of ['tagging', 'failed'] as const) {
      const job = await s.client.uploadJob(new Uint8Array(1024).fill(calls + 1), `${expected}.mp4`);
      const started = Date.now();
      const { text } = await readStream(s, job.id, 10_000);
      assert.ok(Date.now() - started < 8000, `${expected}: the stream closed by itself`);
      const events = text.split('\n\n').filter(Boolean);
      assert.match(events.at(-1)!, new RegExp(`^event: end\\ndata: \\{"id":"${job.id}","status":"${expected}"\\}$`));
      assert.match(events.at(-2)!, new RegExp(`^event: job\\ndata: .*"status":"${expected}"`));
      const again = await readStream(s, job.id, 5000);
      assert.equal(again.text.split('\n\n').filter(Boolean).length, 2, 'a resting job: its state, then end');
    }
    // The shared client (page, extension, bot) still follows a job to its end.
    const seen: string[] = [];
    const job = await s.client.watchJob((await s.client.uploadJob(new Uint8Array(1024).fill(9), 'c.mp4')).id, (j) => seen.push(j.status));
    assert.equal(job.status, 'tagging');
    assert.ok(seen.includes('running'));
  } finally {
    await s.close();
  }
});

test('report.html is served with a strict Content-Security-Policy', async () => {
  const s = await startTestService({}, { processor: async () => makeTinyAnalysis() });
  try {
    const job = await s.client.watchJob((await s.client.uploadJob(new Uint8Array(1024).fill(1), 'r.mp4')).id, () => undefined);
    const page = await call(`${s.url}/api/v1/jobs/${job.id}/report.html`, { token: s.token });
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /script-src|unsafe-eval/, 'no script may run');
    assert.doesNotMatch(page.text, /<script/i, 'and the page needs none');
  } finally {
    await s.close();
  }
});

test('serve on a port in use: one line naming the port and how to change it, a non-zero exit, no stack', { timeout: 60_000 }, async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-port-'));
  try {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--data-dir', dataDir], { env: plainEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, new RegExp(`^onscreen: Port ${port} on 127\\.0\\.0\\.1 is already in use .*--port N \\(or PORT=N\\)`));
    assert.equal(code, 1);
  } finally {
    taken.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

const isPortOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

function processesInGroup(pgid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // ps exits 1 when the group is empty
  }
}

/**
 * However `npx onscreen serve` is stopped, the server stops cleanly within a few seconds: the running
 * job is interrupted and left to resume (not failed), its scratch folder is gone, the database is
 * closed (SQLite removes its WAL on the last close), the port is free and no process is left.
 * npm runs onscreen through `sh -c`: a signal to npx alone reaches the shell, never the server
 * (before issue 10 a SIGTERM left the server running; a SIGINT did too until the launcher watch).
 */
const STOPS = [
  ['SIGINT', 'npx', 'npx alone, as `kill -INT`'],
  ['SIGTERM', 'npx', 'npx alone, as a supervisor'],
  ['SIGINT', 'group', 'its process group, as Ctrl-C'],
  ['SIGTERM', 'node', 'the node server alone'],
] as const;

let clip: { path: string; remove: () => Promise<void> } | null = null;
after(() => clip?.remove());
async function makeClip(): Promise<string> {
  if (!clip) {
    const { dir, remove } = await makeTempDir('onscreen-npx-clip-');
    clip = { path: await makeVideo(join(dir, 'long.mp4'), { segments: [{ source: 'testsrc2', seconds: 60 }] }), remove };
  }
  return clip.path;
}

for (const [signal, target, how] of STOPS) {
  test(`${signal} to \`npx onscreen serve\` (${how}): a clean stop within seconds, the job left to resume, the port free, no process left`, { timeout: 120_000 }, async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-npx-'));
    const token = execFileSync(process.execPath, [CLI, 'token', 'create', 't', '--data-dir', dataDir], { env: plainEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0]!;
    // Its own process group, to find every process it started; --offline: npx resolves this repository, never the registry.
    const npx = spawn('npx', ['--offline', 'onscreen', 'serve', '--port', String(port), '--data-dir', dataDir], { cwd: ROOT, env: plainEnv(), detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    npx.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      for (let i = 0; i < 600 && !/serving http/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(stderr, /serving http/);
      const server = processesInGroup(npx.pid!).find((line) => / node .*onscreen(\.js)? serve/.test(` ${line.replace(/^\s*\d+\s+/, '')}`));
      assert.ok(server, `the node server runs under npx: ${processesInGroup(npx.pid!).join('; ')}`);
      const client = new OnscreenClient({ baseUrl: `http://127.0.0.1:${port}`, token });
      const job = await client.uploadJob(await readFile(await makeClip()), 'long.mp4');
      for (let i = 0; i < 600 && (await client.getJob(job.id)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal((await client.getJob(job.id)).status, 'running');

      const signalledAt = Date.now();
      if (target === 'npx') npx.kill(signal);
      else if (target === 'group') process.kill(-npx.pid!, signal);
      else process.kill(Number(server!.trim().split(/\s+/)[0]), signal);
      while (Date.now() - signalledAt < 5000 && ((await isPortOpen(port)) || processesInGroup(npx.pid!).length > 0)) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await isPortOpen(port), false, 'the port is free within 5 s');
      assert.deepEqual(processesInGroup(npx.pid!), [], 'no process is left within 5 s');

      assert.equal(stderr.match(/onscreen: stopping/g)?.length, 1, `stopped once, cleanly: ${stderr}`);
      assert.doesNotMatch(stderr, /unexpected failure/);
      assert.equal(existsSync(join(dataDir, 'onscreen.sqlite-wal')), false, 'the database was closed');
      const db = new Database(join(dataDir, 'onscreen.sqlite'), { readonly: true });
      const row = db.prepare('SELECT status, error_code AS error FROM jobs WHERE id = ?').get(job.id) as { status: string; error: string | null };
      db.close();
      assert.ok(['queued', 'running'].includes(row.status), `the job resumes at the next start: ${row.status}`);
      assert.equal(row.error, null);
      assert.deepEqual(await readdir(join(dataDir, 'work')), [], 'no scratch folder is left');
    } finally {
      try {
        process.kill(-npx.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}
