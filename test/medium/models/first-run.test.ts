/**
 * First run as a new user meets it: `npx onscreen models status` prints its own lines and nothing
 * else (no npm warning about the project's config), and every dependency with an install script
 * is reviewed in package.json's allowScripts (npm 11 lists the unreviewed ones after every install).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODEL_IDS = (JSON.parse(readFileSync(`${ROOT}models/manifest.json`, 'utf8')) as { models: { id: string }[] }).models.map((m) => m.id);
const STATUS_LINE = new RegExp(`^(${MODEL_IDS.join('|')})\\s+\\S+\\s+\\S+$`);

/** The environment of a shell, not of `npm test`: npm's own npm_config_* would hide the project's config. */
function shellEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function npmVersion(): number[] | null {
  const out = spawnSync('npm', ['--version'], { encoding: 'utf8', env: shellEnv() });
  return out.status === 0 ? out.stdout.trim().split('.').map(Number) : null;
}

test('npx onscreen models status prints nothing but its own lines, on stdout and stderr', () => {
  const run = spawnSync('npx', ['onscreen', 'models', 'status'], { cwd: ROOT, encoding: 'utf8', env: shellEnv(), timeout: 60_000 });
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, MODEL_IDS.length, run.stdout);
  for (const line of lines) assert.match(line, STATUS_LINE);
  const expectedStderr = run.status === 0 ? '' : 'Run `npx onscreen models fetch` to install the missing or damaged models.\n';
  assert.equal(run.stderr, expectedStderr);
});

test('the project sets no npm config of its own (npm 11 warns about every unknown key)', () => {
  assert.equal(existsSync(`${ROOT}.npmrc`), false, '.npmrc is back: npm 11 prints a warning before every npx command for unknown keys');
});

test('allowScripts reviews every install script in the lockfile; onnxruntime-node\'s CUDA download is denied', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { allowScripts: Record<string, boolean> };
  const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
  const withScripts = Object.entries(lock.packages)
    .filter(([path, meta]) => path !== '' && meta.hasInstallScript === true)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  assert.ok(withScripts.length >= 7, withScripts.join(', '));
  const unreviewed = withScripts.filter((name) => !(name in pkg.allowScripts));
  assert.deepEqual(unreviewed, []);
  assert.equal(pkg.allowScripts['onnxruntime-node'], false);
  assert.equal(pkg.allowScripts['better-sqlite3'], true);
});

test('npm itself finds no unreviewed install script (npm 11.16 and later)', (t) => {
  const version = npmVersion();
  const [major = 0, minor = 0] = version ?? [];
  if (major < 11 || (major === 11 && minor < 16)) {
    t.skip(`npm ${version?.join('.') ?? 'not found'} has no allowScripts`);
    return;
  }
  const run = spawnSync('npm', ['approve-scripts', '--allow-scripts-pending'], { cwd: ROOT, encoding: 'utf8', env: shellEnv(), timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /No packages with unreviewed install scripts/);
  assert.equal(run.stderr, '');
});
