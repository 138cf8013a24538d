// Real: the CLI's entry point (main, in this process) in a temp folder and the analysis folder on disk. Data: a
// hand-made analysis with speech and voices, 10 s long (test/unit/report/speech-fixture.ts).
// Hostile input around who is heard: each gets one line saying what is wrong and what to write
// instead, a non-zero exit code, and the tagging history is left exactly as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../engine/src/cli/main.js';
import { writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { makeSpokenAnalysis } from '../../unit/report/speech-fixture.js';

/** Runs `onscreen …` as the command line does; returns its exit code and what it printed. */
async function onscreenIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [out, err, mask, dir] = [process.stdout.write, process.stderr.write, process.umask(), process.cwd()];
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    process.exitCode = 0;
    await main(args);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    [process.stdout.write, process.stderr.write] = [out, err];
    process.exitCode = 0;
    process.umask(mask);
    process.chdir(dir);
  }
}

test('bad voice tags and speaker spans: one line each, what to write instead, nothing recorded', { timeout: 120_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'onscreen-voice-edges-'));
  const onscreen = (...args: string[]) => onscreenIn(work, args);
  try {
    await writeAnalysisFolder(join(work, 'news'), { analysis: makeSpokenAnalysis(), thumbnails: new Map() });
    assert.equal((await onscreen('tag', 'news', '0=female')).code, 0);
    const history = await readFile(join(work, 'news', 'tags.json'), 'utf8');
    const refused: Array<[string[], number, RegExp]> = [
      // The voices' tag for a person, and the people's for a voice (before: the whole usage, or the bare syntax).
      [['tag', 'news', '0=not-speech'], 2, /"0=not-speech": not-speech is for voices \(v0, v1, …\); a person is female, male, unknown, not-face\./],
      [['tag', 'news', 'v1=not-face'], 2, /"v1=not-face": not-face is for people; a voice is female, male, unknown, not-speech\./],
      [['tag', 'news', 'vx=female'], 2, /"vx=female": a person is a number \(0=female\) and a voice v and a number \(v2=female\)/],
      [['tag', 'news', 'v1=female', 'v99=male'], 1, /There is no voice v99 in this analysis\./],
      // A span past the video's end (before: "No speech was found between 1:39:00–1:39:10"), reversed, or empty.
      [['speaker', 'news', '99:00-99:10=0'], 2, /The span 1:39:00–1:39:10 starts after the video ends \(it is 0:10 long\): give times within it\./],
      [['speaker', 'news', '0:08-0:04=1'], 2, /"0:08-0:04=1": the span must end after it starts\./],
      [['speaker', 'news', '4-4=1'], 2, /the span must end after it starts/],
      [['speaker', 'news', '4-5=v1'], 2, /is not <start>-<end>=<person\|off>/],
      [['speaker', 'news', '4-5=9'], 1, /There is no person 9\./],
    ];
    for (const [args, code, message] of refused) {
      const run = await onscreen(...args);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}:\n${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(await readFile(join(work, 'news', 'tags.json'), 'utf8'), history, `${args.join(' ')} recorded nothing`);
    }
    // "off" as it may be typed.
    const off = await onscreen('speaker', 'news', '4-5=OFF');
    assert.equal(off.code, 0, off.stderr);
    assert.match(off.stdout, /Speaker of 0:04–0:05: off screen\./);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
