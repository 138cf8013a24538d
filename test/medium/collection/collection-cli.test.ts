// Real: the CLI (node bin/onscreen.js) in a temp folder, analysis folders on disk, chart rendering.
// Data: two hand-made analyses tagged through the CLI, so the expected figures can be worked out on paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectionReport } from '../../../shared/src/collection.js';
import type { Report } from '../../../shared/src/report.js';
import { writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { makeAnalysis, range } from '../../unit/report/analysis-fixture.js';

const repo = new URL('../../../', import.meta.url).pathname;
let work: string;

function onscreen(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin/onscreen.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'onscreen-collection-'));
  // Monday: 20 s, a woman for samples 0–19 (the first 9.75 s), a man for 20–39. Tuesday: 10 s, a man throughout.
  const monday = makeAnalysis({ duration: 20, clusters: [[{ samples: range(0, 20), female: 0.9 }], [{ samples: range(20, 20), female: 0.1 }]] });
  const tuesday = makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 20), female: 0.1 }]] });
  const filmed = { ...makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 20), female: 0.9 }]] }) };
  filmed.video = { ...filmed.video, published: { date: '2025-12-24', from: 'file' } };
  for (const [name, analysis] of [['monday', monday], ['tuesday', tuesday], ['filmed', filmed]] as const) {
    await writeAnalysisFolder(join(work, name), { analysis, thumbnails: new Map() });
  }
  for (const args of [['monday', '0=female', '1=male'], ['tuesday', '0=male']]) {
    const run = onscreen('tag', ...args);
    assert.equal(run.code, 0, run.stderr);
  }
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

test('collection report writes JSON, CSV, HTML and charts whose figures add up over the videos', async () => {
  const run = onscreen('collection', 'report', 'week-12', 'tuesday', 'monday', '--name', 'Morning show', '--date', 'monday=2026-03-16', '--date', 'tuesday=2026-03-17', '--period', 'week');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /2 videos, 30 s in all/);
  assert.match(run.stdout, /Women on screen: 33% of the time/);
  const out = join(work, 'week-12');
  assert.deepEqual((await readdir(out)).sort(), ['charts', 'collection.csv', 'collection.html', 'collection.json']);
  assert.deepEqual((await readdir(join(out, 'charts'))).sort(), ['people.png', 'trend.png', 'videos.png']);
  for (const chart of ['people', 'trend', 'videos']) assert.ok((await stat(join(out, 'charts', `${chart}.png`))).size > 5000, chart);

  const collection = JSON.parse(await readFile(join(out, 'collection.json'), 'utf8')) as CollectionReport;
  assert.equal(collection.name, 'Morning show');
  assert.deepEqual(collection.videos.map((v) => [v.date, v.dateSource]), [['2026-03-16', 'given'], ['2026-03-17', 'given']]);
  // Each video's own report.json gives the same figures as the collection's entry for it.
  for (const name of ['monday', 'tuesday']) assert.equal(onscreen('report', name).code, 0);
  const reports = await Promise.all(['monday', 'tuesday'].map(async (n) => JSON.parse(await readFile(join(work, n, 'report.json'), 'utf8')) as Report));
  assert.deepEqual(collection.videos.map((v) => v.screenTime.male.seconds), reports.map((r) => r.screenTime.male.seconds));
  assert.equal(collection.total.duration, reports[0]!.video.duration + reports[1]!.video.duration);
  const female = reports[0]!.screenTime.female.seconds + reports[1]!.screenTime.female.seconds;
  assert.equal(collection.total.screenTime.female.seconds, female);
  assert.ok(Math.abs(collection.total.screenTime.female.share - female / 30) < 1e-12);
  assert.deepEqual(collection.periods.map((p) => p.period), ['2026-W12']);
  assert.equal(collection.people.length, 3, 'three unnamed people, each in one video');

  const html = await readFile(join(out, 'collection.html'), 'utf8');
  assert.match(html, /<h1>Morning show<\/h1>/);
  assert.match(html, /data:image\/png;base64,/);
  assert.match(await readFile(join(out, 'collection.csv'), 'utf8'), /total\.videos,,2,videos/);
});

test('without a date, a video is dated by the day it was analysed, and the report says so', async () => {
  const run = onscreen('collection', 'report', 'undated', 'monday');
  assert.equal(run.code, 0, run.stderr);
  const collection = JSON.parse(await readFile(join(work, 'undated', 'collection.json'), 'utf8')) as CollectionReport;
  assert.equal(collection.videos[0]?.dateSource, 'analysed');
  assert.deepEqual(collection.dateSources, { analysed: 1 });
  assert.match(await readFile(join(work, 'undated', 'collection.html'), 'utf8'), /1 from the day analysed/);
});

test('a date from the video itself (file metadata or YouTube upload) is used, and a given date wins over it', async () => {
  let run = onscreen('collection', 'report', 'dated', 'filmed', 'monday', '--date', 'monday=2026-01-10', '--period', 'month');
  assert.equal(run.code, 0, run.stderr);
  const collection = JSON.parse(await readFile(join(work, 'dated', 'collection.json'), 'utf8')) as CollectionReport;
  assert.deepEqual(collection.videos.map((v) => [v.date, v.dateSource]), [['2025-12-24', 'file-metadata'], ['2026-01-10', 'given']]);
  assert.deepEqual(collection.periods.map((p) => p.period), ['2025-12', '2026-01']);
  run = onscreen('collection', 'report', 'dated2', 'filmed', '--date', 'filmed=2026-02-01');
  assert.equal(run.code, 0, run.stderr);
  const again = JSON.parse(await readFile(join(work, 'dated2', 'collection.json'), 'utf8')) as CollectionReport;
  assert.deepEqual([again.videos[0]?.date, again.videos[0]?.dateSource], ['2026-02-01', 'given']);
});

test('bad input gets one clear line and writes nothing', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['collection', 'report', 'bad1', 'monday', 'no-such-folder'], /No analysis found in .*no-such-folder/],
    [['collection', 'report', 'bad2', 'monday', '--date', 'monday=2026-02-30'], /"2026-02-30" is not a date: write it as YYYY-MM-DD/],
    [['collection', 'report', 'bad3', 'monday', '--date', 'tuesday=2026-02-03'], /--date names .*tuesday, which is not one of the analyses listed/],
    [['collection', 'report', 'bad4', 'monday', '--period', 'year'], /--period takes month or week/],
    [['collection', 'report', 'bad5'], /Name at least one analysis folder/],
  ];
  for (const [args, message] of cases) {
    const run = onscreen(...args);
    assert.notEqual(run.code, 0, args.join(' '));
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').filter((l) => !/^\s*$/.test(l)).length <= 16, true);
    await assert.rejects(stat(join(work, args[2]!, 'collection.json')), /ENOENT/, `${args[2]} left a file`);
  }
});
