// Real: the built CLI (node bin/onscreen.js) in a temp folder, the analysis folder on disk,
// chart rendering. Data: a hand-made analysis with canvas-drawn thumbnails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { TagFile } from '../../../shared/src/analysis.js';
import type { Report } from '../../../shared/src/report.js';
import { writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { makeAnalysis, range } from '../../unit/report/analysis-fixture.js';

const repo = new URL('../../../', import.meta.url).pathname;
let work: string;
let dir: string;

// 20 s at 2 samples/s, a cut at 10.2 s. Person 0: samples 0–19 → [0, 9.75]; person 1: 20–39 → [9.75, 20]
// but sample 20 (10.0 s) ends at the cut: so [9.75, 10.2] + [10.2, 20] = 10.25 s. Person 2: samples 21–30 → [10.2, 15.25].
const analysis = makeAnalysis({
  duration: 20,
  cuts: [10.2],
  clusters: [[{ samples: range(0, 20), female: 0.9 }], [{ samples: range(20, 20), female: 0.1 }], [{ samples: range(21, 10), female: 0.8 }, { samples: [35, 36], female: 0.2 }]],
});

function thumbnail(colour: string): Buffer {
  const canvas = createCanvas(32, 32);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 32, 32);
  return canvas.toBuffer('image/jpeg');
}

function onscreen(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin/onscreen.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function readJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'onscreen-cli-'));
  dir = join(work, 'news');
  const thumbnails = new Map<string, Buffer>();
  for (const c of analysis.clusters) thumbnails.set(c.thumbnail, thumbnail('#3366aa'));
  for (const t of analysis.tracks) thumbnails.set(t.thumbnail, thumbnail('#aa6633'));
  await writeAnalysisFolder(dir, { analysis, thumbnails });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

test('tag records edits once, rejects unknown people and bad tags with exit codes', async () => {
  let run = onscreen('tag', 'news', '0=female', '1=male');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Person 0: female/);
  assert.match(run.stdout, /1 person left to tag/);
  run = onscreen('tag', 'news', '0=female');
  assert.equal(run.code, 0, run.stderr);
  assert.equal((await readJson<TagFile>('tags.json')).edits.length, 2, 'a repeated tag is not stored again');
  run = onscreen('tag', 'news', '9=female');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /no person 9/);
  run = onscreen('tag', 'news', '0=woman');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /not <person>=<female\|male\|unknown\|not-face>/);
  run = onscreen('tag', 'news');
  assert.equal(run.code, 2);
  const edits = (await readJson<TagFile>('tags.json')).edits;
  assert.equal(edits.length, 2, 'failed commands wrote nothing');
  assert.ok(edits.every((e) => typeof e.by === 'string' && e.by.length > 0));
});

test('report writes every file and the figures match the hand count', async () => {
  const run = onscreen('report', 'news');
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout.trim().split('\n').length, 5, run.stdout);
  for (const name of ['report.json', 'report.csv', 'report.html', 'charts/share.png', 'charts/timeline.png', 'charts/persons.png']) {
    assert.ok((await stat(join(dir, name))).size > 100, `${name} written`);
  }
  const report = await readJson<Report>('report.json');
  // Women: person 0 alone → 9.75 s of 20 s. Men: person 1 → 10.25 s. Person 2 is untagged.
  assert.ok(Math.abs(report.screenTime.female.seconds - 9.75) < 1e-9, String(report.screenTime.female.seconds));
  assert.ok(Math.abs(report.screenTime.female.share - 9.75 / 20) < 1e-9);
  assert.equal(report.people.female, 1);
  assert.equal(report.people.untagged, 1);
  assert.match(run.stdout, /Women on screen: 49% of the time/);
  const html = await readFile(join(dir, 'report.html'), 'utf8');
  assert.match(html, /data:image\/png;base64,/);
  assert.match(html, /data:image\/jpeg;base64,/);
  assert.deepEqual((await readdir(dir, { recursive: true })).filter((n) => n.includes('.partial')), [], 'no temporary files left');
});

test('merge and split change the people and the next report', async () => {
  let run = onscreen('merge', 'news', '0', '2');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Merged person 2 into person 0/);
  assert.equal(onscreen('report', 'news').code, 0);
  let report = await readJson<Report>('report.json');
  // Person 0 now also has samples 21–30 and 35–36: [0, 9.75] + [10.2, 15.25] + [17.25, 18.25] = 15.8 s.
  assert.ok(Math.abs(report.screenTime.female.seconds - 15.8) < 1e-9, String(report.screenTime.female.seconds));
  assert.equal(report.people.untagged, 0);

  run = onscreen('split', 'news', '0', '3');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /New person 3: track 3 of person 0/);
  assert.equal(onscreen('report', 'news').code, 0);
  report = await readJson<Report>('report.json');
  // Track 3 (samples 35–36, 1 s) leaves: 15.8 − 1 = 14.8 s; the new person 3 is untagged.
  assert.ok(Math.abs(report.screenTime.female.seconds - 14.8) < 1e-9, String(report.screenTime.female.seconds));
  assert.equal(report.people.untagged, 1);

  assert.equal(onscreen('merge', 'news', '0', '0').code, 2);
  const stray = onscreen('split', 'news', '1', '99');
  assert.equal(stray.code, 1);
  assert.match(stray.stderr, /Person 1 has no track 99/);
});

test('a folder without an analysis fails with a sentence, not a stack', async () => {
  const run = onscreen('report', 'nowhere');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /No analysis found in .*nowhere/);
  assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/);
});

test('undo and redo say what they act on and whose change it is, and leave the history as it was', async () => {
  const before = (await readJson<TagFile>('tags.json')).edits;
  const last = before.at(-1)!;
  let run = onscreen('undo', 'news', '--dry-run');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^Would undo: ${last.by} `));
  assert.equal((await readJson<TagFile>('tags.json')).edits.length, before.length, 'a dry run writes nothing');
  run = onscreen('undo', 'news');
  assert.equal(run.code, 0, run.stderr);
  const undone = /^Undone: (.+)\. Write the report/.exec(run.stdout)?.[1];
  assert.ok(undone, run.stdout);
  run = onscreen('redo', 'news');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^Redone: ${undone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
  run = onscreen('redo', 'news');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /nothing to redo/);
  assert.deepEqual((await readJson<TagFile>('tags.json')).edits.map((e) => e.kind).slice(-2), ['undo', 'redo']);
});
