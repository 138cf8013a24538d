/**
 * Operators' edges of `onscreen serve` (issue 10): a port in use is one line naming the port and
 * how to change it; stopping `npx onscreen serve` stops every process and frees the port;
 * report.html has a strict Content-Security-Policy; a job's event stream ends when the job rests.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { freePort } from '../../e2e/service/helpers/redis-server.js';
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

// SIGTERM goes to npx alone (a supervisor, `kill`); Ctrl-C sends SIGINT to the terminal's whole process group.
for (const [signal, target] of [['SIGTERM', 'npx'], ['SIGINT', 'group']] as const) {
  test(`${signal} to \`npx onscreen serve\` (${target === 'npx' ? 'npx alone' : 'its process group, as Ctrl-C'}) stops the server: the port is free and no process is left`, { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-npx-'));
    // Its own process group, to find every process it started; --offline: npx resolves this repository, never the registry.
    const npx = spawn('npx', ['--offline', 'onscreen', 'serve', '--port', String(port), '--data-dir', dataDir], { cwd: ROOT, env: plainEnv(), detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    npx.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      for (let i = 0; i < 600 && !/serving http/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(stderr, /serving http/);
      assert.ok(await isPortOpen(port));
      assert.ok(processesInGroup(npx.pid!).some((line) => /onscreen(\.js)? serve/.test(line)), 'the node server runs under npx');
      if (target === 'npx') npx.kill(signal);
      else process.kill(-npx.pid!, signal);
      for (let i = 0; i < 150 && ((await isPortOpen(port)) || processesInGroup(npx.pid!).length > 0); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await isPortOpen(port), false, 'the port is free');
      assert.deepEqual(processesInGroup(npx.pid!), [], 'no process is left');
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
