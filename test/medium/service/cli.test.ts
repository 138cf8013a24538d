/** The service's commands as a person runs them: token create/list/revoke, and clear refusals. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { TokensService } from '../../../engine/src/services/tokens.service.js';
import { openDatabase } from '../../../engine/src/storage/database.js';
import { TokensRepository } from '../../../engine/src/storage/tokens.repository.js';
import { WorkspacesRepository } from '../../../engine/src/storage/workspaces.repository.js';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';

const CLI = fileURLToPath(new URL('../../../bin/onscreen.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  const { REDIS_URL: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('token create prints the token once; list shows names, not tokens; revoke stops it', async () => {
  const temp = await makeTempDir('onscreen-cli-');
  try {
    const created = run(['token', 'create', 'slack-bot', '--data-dir', temp.dir]);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^ons_[\w-]{43}$/);
    assert.match(created.stderr, /shown only now/);

    const check = () => {
      const db = openDatabase(temp.dir);
      try {
        return new TokensService(new TokensRepository(db), new WorkspacesRepository(db)).authenticate(token)?.name ?? null;
      } finally {
        db.close();
      }
    };
    assert.equal(check(), 'slack-bot');
    const list = run(['token', 'list'], { ONSCREEN_DATA_DIR: temp.dir });
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^slack-bot\s+workspace default\s+created/m);
    assert.doesNotMatch(list.stdout, new RegExp(token));

    const duplicate = run(['token', 'create', 'slack-bot', '--data-dir', temp.dir]);
    assert.equal(duplicate.code, 2);
    assert.match(duplicate.stderr, /already exists/);

    assert.equal(run(['token', 'revoke', 'slack-bot', '--data-dir', temp.dir]).code, 0);
    assert.equal(check(), null);
    assert.match(run(['token', 'list', '--data-dir', temp.dir]).stdout, /revoked/);
    const unknown = run(['token', 'revoke', 'nobody', '--data-dir', temp.dir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No active token named "nobody"/);
    assert.match(run(['token', 'rename', 'x', '--data-dir', temp.dir]).stderr, /Usage: npx onscreen token/);

    // Workspaces: a token of another workspace, an admin token, and the workspaces listed.
    const desk = run(['token', 'create', 'desk-bot', '--workspace', 'desk-b', '--data-dir', temp.dir]);
    assert.equal(desk.code, 0, desk.stderr);
    assert.match(desk.stderr, /created in workspace "desk-b"/);
    assert.equal(run(['token', 'create', 'ops', '--admin', '--data-dir', temp.dir]).code, 0);
    const listed = run(['token', 'list', '--data-dir', temp.dir]).stdout;
    assert.match(listed, /^desk-bot\s+workspace desk-b\s+created/m);
    assert.match(listed, /^ops\s+workspace default \(admin\)/m);
    assert.match(run(['token', 'list', '--workspace', 'desk-b', '--data-dir', temp.dir]).stdout, /^desk-bot[^\n]*\n$/);
    assert.match(run(['token', 'workspaces', '--data-dir', temp.dir]).stdout, /^desk-b\s+1 token\(s\)\s+0 job\(s\)/m);
    assert.equal(run(['token', 'create', 'x', '--workspace', '../etc', '--data-dir', temp.dir]).code, 2);
    assert.match(run(['token', 'revoke', 'ops', '--admin', '--data-dir', temp.dir]).stderr, /Usage: npx onscreen token/);
  } finally {
    await temp.remove();
  }
});

test('worker without REDIS_URL, and serve with bad settings: one clear line, no stack', () => {
  const worker = run(['worker']);
  assert.equal(worker.code, 2);
  assert.match(worker.stderr, /set REDIS_URL/);
  assert.doesNotMatch(worker.stderr, /\n\s+at /);
  const serve = run(['serve', '--port', 'http'], { ONSCREEN_UPLOAD_LIMIT: 'huge' });
  assert.equal(serve.code, 2);
  assert.match(serve.stderr, /--port/);
  assert.match(serve.stderr, /ONSCREEN_UPLOAD_LIMIT/);
  assert.doesNotMatch(serve.stderr, /\n\s+at /);
});

test('the engine settings reach the analysis: the models folder and the ffmpeg named in the environment are the ones used', async () => {
  const temp = await makeTempDir('onscreen-cli-engine-');
  try {
    const clip = await makeVideo(join(temp.dir, 'clip.mp4'));
    const emptyModels = join(temp.dir, 'no-models');
    const status = run(['models', 'status'], { ONSCREEN_MODELS_DIR: emptyModels });
    assert.equal(status.code, 1);
    assert.match(status.stdout, new RegExp(`^detector\\s+missing\\s+${emptyModels}/`, 'm'));
    const noModels = run(['analyze', clip, '--out', join(temp.dir, 'out1')], { ONSCREEN_MODELS_DIR: emptyModels });
    assert.equal(noModels.code, 1, noModels.stderr);
    assert.match(noModels.stderr, new RegExp(`model is not installed \\(${emptyModels}/`));
    const ffmpeg = join(temp.dir, 'no-ffmpeg');
    const noFfmpeg = run(['analyze', clip, '--out', join(temp.dir, 'out2')], { ONSCREEN_FFMPEG: ffmpeg, ONSCREEN_FFPROBE: join(temp.dir, 'no-ffprobe') });
    assert.equal(noFfmpeg.code, 1);
    assert.match(noFfmpeg.stderr, new RegExp(`^onscreen: ${temp.dir}/no-ff(mpeg|probe) could not be started: it was not found`, 'm'));
    // Bad settings stop every command at start, with the variable's name: the server and the worker too.
    for (const command of [['analyze', clip], ['serve', '--data-dir', temp.dir], ['worker']]) {
      const bad = run(command, { ONSCREEN_ONNX_THREADS: '0' });
      assert.equal(bad.code, 2, command[0]);
      assert.match(bad.stderr, /^onscreen: Bad engine settings in the environment: ONSCREEN_ONNX_THREADS/, command[0]);
    }
  } finally {
    await temp.remove();
  }
});

test('serve starts on the port asked, answers, and stops cleanly on SIGTERM', async () => {
  const temp = await makeTempDir('onscreen-cli-serve-');
  const { spawn } = await import('node:child_process');
  const { REDIS_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', temp.dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const deadline = Date.now() + 60_000;
    // Both lines: they are two writes, and a loaded machine may hand them over in two reads.
    while (!(/serving (http:\S+)/.test(stderr) && /no API token yet/.test(stderr)) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const url = /serving (http:\S+)/.exec(stderr)?.[1];
    assert.ok(url, stderr);
    assert.match(stderr, /jobs run in this process/);
    assert.match(stderr, /no API token yet/);
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { ok: boolean }).ok, true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  } finally {
    child.kill('SIGKILL');
    await temp.remove();
  }
});
