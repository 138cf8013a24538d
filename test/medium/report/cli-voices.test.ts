// Real: the CLI (node bin/onscreen.js) in a temp folder, the analysis folder on disk, chart
// rendering. Data: a hand-made analysis with speech and voices (test/unit/report/speech-fixture.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TagFile } from '../../../shared/src/analysis.js';
import type { Report } from '../../../shared/src/report.js';
import { writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { makeSpokenAnalysis } from '../../unit/report/speech-fixture.js';

const repo = new URL('../../../', import.meta.url).pathname;
let work: string;
let dir: string;

function onscreen(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin/onscreen.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'onscreen-cli-voices-'));
  dir = join(work, 'news');
  await writeAnalysisFolder(dir, { analysis: makeSpokenAnalysis(), thumbnails: new Map() });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

test('tag takes voices beside people; bad voices and tags get one line and an exit code', async () => {
  let run = onscreen('tag', 'news', '0=female', '1=male', 'v2=female', 'v3=not-speech');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Voice v2: female\./);
  assert.doesNotMatch(run.stdout, /Voice v0 is not tagged/, 'v0 follows person 0');
  run = onscreen('tag', 'news', 'v9=female');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /no voice v9/);
  run = onscreen('tag', 'news', 'v2=woman');
  assert.equal(run.code, 2);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, /not v<N>=<female\|male\|unknown\|not-speech>/);
  const { edits } = JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')) as TagFile;
  assert.deepEqual(edits.map((e) => e.kind), ['tag', 'tag', 'tag-voice', 'tag-voice']);
});

test('speaker corrects a span given in m:ss or seconds, refuses spans without speech, and undo takes it back', async () => {
  let run = onscreen('speaker', 'news', '0:04-0:05=2');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Speaker of 0:04–0:05: Person 2 \(1\.0 s of speech in all\)/);
  run = onscreen('speaker', 'news', '6-7.5=2');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /No speech was found between 0:06–0:07/);
  run = onscreen('speaker', 'news', '4-=2');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /is not <start>-<end>=<person\|off>/);
  run = onscreen('report', 'news');
  assert.equal(run.code, 0, run.stderr);
  let report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
  assert.equal(report.speakingTime?.onScreen.untagged.seconds, 1, 'the voice-over went to untagged person 2');
  assert.match(run.stdout, /Speaking time: 5 s of speech, women 50%, men 30%; 1 s not tagged yet/);
  assert.ok((await stat(join(dir, 'charts', 'heard.png'))).size > 1000, 'the "Seen and heard" chart is drawn');
  run = onscreen('undo', 'news');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Undone: .* set the speaker of 0:04–0:05 to Person 2/);
  onscreen('report', 'news');
  report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
  assert.equal(report.speakingTime?.female.seconds, 3.5);
  assert.equal(report.speakingTime?.femaleShareOfGendered, 0.7);
});
