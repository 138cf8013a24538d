/**
 * The command line and the API go through one edit path (services/people-editor.ts) and one
 * report renderer, on the same kind of analysis folder, under the same cross-process lock:
 * - the same edit sequence gives the same tags.json and the same report both ways;
 * - CLI edits from another process racing API edits on the same job folder lose nothing.
 * Real: the service (HTTP, SQLite, files), the CLI (bin/onscreen.js and its entry point in a child
 * process), chart rendering. Data: the small analysis made in code (helpers/tiny-analysis.ts).
 */
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import type { Edit, TagFile } from '../../../shared/src/analysis.js';
import type { Job } from '../../../shared/src/api/types.js';
import type { Report } from '../../../shared/src/report.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { LOCK_FILE } from '../../../engine/src/storage/folder-lock.js';
import { makeTinyAnalysis } from '../service/helpers/tiny-analysis.js';
import { startTestService, type TestService } from '../service/helpers/test-service.js';

const repo = new URL('../../../', import.meta.url).pathname;
const processor: AnalysisProcessor = async () => makeTinyAnalysis('news.mp4');
const user = userInfo().username || 'cli';
let s: TestService;
let work: string;

before(async () => {
  s = await startTestService({}, { processor });
  work = await mkdtemp(join(tmpdir(), 'onscreen-parity-'));
});
after(async () => {
  await s.close();
  await rm(work, { recursive: true, force: true });
});

/** A job ready to tag, and a copy of its analysis folder for the command line. */
async function newJob(name: string): Promise<{ job: Job; jobDir: string; cliDir: string }> {
  const created = await s.client.uploadJob(new TextEncoder().encode(name.repeat(64)), `${name}.mp4`, { force: true });
  const job = await s.client.watchJob(created.id, () => undefined);
  assert.equal(job.status, 'tagging');
  const jobDir = join(s.dataDir, 'jobs', job.id);
  const cliDir = join(work, name);
  await cp(jobDir, cliDir, { recursive: true });
  return { job, jobDir, cliDir };
}

/** The built CLI, run without blocking this process (it serves the API meanwhile). */
async function onscreen(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(repo, 'bin/onscreen.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return stdout;
}

async function readEdits(dir: string): Promise<Edit[]> {
  return (JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')) as TagFile).edits;
}

/**
 * Drops what differs by design between two runs: when (and the split group named after it), and how
 * the author is recorded (the CLI's edits are by the machine's user; the API's by the token, on
 * behalf of the user: checked apart).
 */
function timeless(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => {
    if (key === 'at' || key === 'generatedAt' || key === 'taggedAt') return undefined;
    if (key === 'by' || key === 'onBehalfOf' || key === 'taggedBy' || key === 'taggedOnBehalfOf') return undefined;
    if (key === 'group' && typeof v === 'string') return v.replace(/-[^-]*T.*$/, '');
    return v;
  });
}

test('the same edits through the CLI and the API give the same tags.json and the same report', async () => {
  const { job, jobDir, cliDir } = await newJob('parity');
  await onscreen('tag', cliDir, '0=female', '1=male');
  await onscreen('merge', cliDir, '0', '2');
  await onscreen('split', cliDir, '0', '1');
  await onscreen('tag', cliDir, '3=unknown');
  await onscreen('undo', cliDir);
  await onscreen('split', cliDir, '0');
  await onscreen('report', cliDir);

  await s.client.tag(job.id, 0, 'female', user);
  await s.client.tag(job.id, 1, 'male', user);
  await s.client.merge(job.id, 0, 2, user);
  await s.client.split(job.id, 0, user, [1]);
  await s.client.tag(job.id, 3, 'unknown', user);
  await s.client.undo(job.id, user);
  await s.client.split(job.id, 0, user);

  const [cliEdits, apiEdits] = await Promise.all([readEdits(cliDir), readEdits(jobDir)]);
  assert.equal(cliEdits.length, 7, 'two tags, a merge, a split, a tag, an undo, and a split of the two tracks left: one edit');
  assert.deepEqual(timeless(apiEdits), timeless(cliEdits));
  assert.ok(cliEdits.every((e) => e.by === user && e.onBehalfOf === undefined), 'the CLI: by the machine\'s user');
  assert.ok(apiEdits.every((e) => e.by === 'test-1' && e.onBehalfOf === user), 'the API: by the token (test-1, made by startTestService), on behalf of the user');
  const cliReport = JSON.parse(await readFile(join(cliDir, 'report.json'), 'utf8')) as Report;
  const apiReport = await s.client.getReport(job.id);
  assert.deepEqual(timeless(apiReport), timeless(cliReport));
  const csvOf = (text: string) => text.replace(/^\uFEFF/, '').replace(/^generatedAt,.*\r\n/m, '');
  assert.equal(csvOf(await s.client.getReportCsv(job.id)), csvOf(await readFile(join(cliDir, 'report.csv'), 'utf8')));
  assert.ok(cliReport.screenTime.female.seconds > 0 && cliReport.screenTime.male.seconds > 0, 'the edits reached the figures');
});

test('CLI edits from another process racing API edits on the same job folder: none is lost', async () => {
  const { job, jobDir } = await newJob('race');
  const count = 32;
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(repo, 'test/medium/tagging/cli-edits.child.ts'), jobDir, String(count), '0'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const output: string[] = [];
  const ready = new Promise<void>((resolve) => lines.on('line', (line) => (output.push(line), line === 'ready' && resolve())));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await ready;
  child.stdin!.end('go\n');
  const apiTags: Array<'female' | 'male'> = [];
  for (let i = 0; i < count; i++) {
    const tag = i % 2 === 0 ? 'male' : 'female';
    await s.client.tag(job.id, 1, tag, 'api-racer');
    apiTags.push(tag);
  }
  assert.equal(await exited, 0);
  assert.equal(output.at(-1), `codes ${Array(count).fill(0).join(',')}`, 'every CLI edit said it succeeded');
  const edits = await readEdits(jobDir);
  const ofCli = edits.filter((e) => e.by === user && e.kind === 'tag' && e.cluster === 0);
  const ofApi = edits.filter((e) => e.onBehalfOf === 'api-racer' && e.kind === 'tag' && e.cluster === 1);
  assert.equal(ofCli.length, count, 'every CLI edit is in tags.json');
  assert.equal(ofApi.length, count, 'every API edit is in tags.json');
  assert.equal(edits.length, 2 * count);
  const people = await s.client.getPeople(job.id);
  assert.equal(people.revision, 2 * count);
  assert.equal(people.people.find((p) => p.id === 0)?.tag, 'male', 'the last CLI tag holds');
  assert.equal(people.people.find((p) => p.id === 1)?.tag, apiTags.at(-1), 'the last API tag holds');
});

test('a lock left by a process that died is broken; the edit goes through', async () => {
  const { cliDir } = await newJob('stale');
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const { hostname } = await import('node:os');
  await writeFile(join(cliDir, LOCK_FILE), `${dead.stdout} ${hostname()} gone`);
  assert.match(await onscreen('tag', cliDir, '0=female'), /Person 0: female/);
  assert.equal((await readEdits(cliDir)).length, 1);
});
