// Real: the CLI (node bin/onscreen.js analyze) on a short generated clip, ffmpeg, the models, signals.
// Stopping `analyze` with two signals (Ctrl-C twice, or Ctrl-C then a kill) ends it at once, but its
// scratch folder (the download, face crops, voice samples being encoded) does not stay behind in the
// temporary folder. Before: the second signal exited without removing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';

const repo = new URL('../../../', import.meta.url).pathname;

test('a second signal stops analyze at once and leaves no scratch folder', { timeout: 180_000 }, async () => {
  const temp = await makeTempDir('onscreen-interrupt-');
  try {
    const video = await makeVideo(join(temp.dir, 'clip.mp4'), { segments: [{ source: 'testsrc2', seconds: 6 }] });
    const scratch = join(temp.dir, 'tmp');
    await mkdir(scratch);
    const child = spawn(process.execPath, [join(repo, 'bin/onscreen.js'), 'analyze', video, '--out', join(temp.dir, 'out'), '--json'], { env: { ...process.env, TMPDIR: scratch }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the analysis to be under way (its first progress line), then signal twice at once.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('"percent"') && resolve());
      void exited.then(() => reject(new Error('analyze ended before it was interrupted')));
    });
    assert.equal((await readdir(scratch)).filter((n) => n.startsWith('onscreen-')).length, 1, 'the scratch folder exists while it runs');
    child.kill('SIGINT');
    child.kill('SIGTERM');
    assert.equal(await exited, 130);
    assert.deepEqual((await readdir(scratch)).filter((n) => n.startsWith('onscreen-')), [], 'no scratch folder left (tsx keeps its own cache there)');
  } finally {
    await temp.remove();
  }
});
