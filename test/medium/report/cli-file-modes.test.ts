// Real: the CLI (node bin/onscreen.js) under the usual umask 022, the analysis folder, the people
// library and a collection report on disk. Data: a hand-made analysis with synthetic face signatures,
// thumbnails and voice samples (test/unit/library/library-fixture.ts).
// What the command line writes holds faces, face signatures and voices: every folder it makes is 0700
// and every file 0600, as the service's data folder is, whatever the umask. Before: 0755 and 0644.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis } from '../../unit/library/library-fixture.js';
import { walk } from '../service/helpers/traces.js';

const repo = new URL('../../../', import.meta.url).pathname;

async function wrongModes(root: string): Promise<string[]> {
  const wrong: string[] = [];
  for (const entry of await walk(root)) {
    const mode = (await stat(entry.path)).mode & 0o777;
    if (mode !== (entry.isFolder ? 0o700 : 0o600)) wrong.push(`${entry.path.slice(root.length + 1)} ${mode.toString(8)}`);
  }
  return wrong;
}

test('under umask 022, analysis, tags, report, library and collection are 0700 folders of 0600 files', { timeout: 120_000 }, async () => {
  const mask = process.umask(0o022);
  const root = await mkdtemp(join(tmpdir(), 'onscreen-cli-modes-'));
  try {
    const dir = join(root, 'news');
    await mkdir(dir, { mode: 0o755 }); // made by hand before `analyze --out news`
    const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, cuts: [5], clusters: [[{ identity: 1, samples: range(0, 8), quality: 0.8 }], [{ identity: 2, samples: range(10, 8), quality: 0.8 }]] });
    const thumbnails = new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`jpeg of track ${t.id}`)] as const));
    const voiceSamples = new Map([['voices/v0.m4a', Buffer.from('an m4a of voice 0')]]);
    await writeAnalysisFolder(dir, { analysis, thumbnails, voiceSamples, embeddings });
    assert.deepEqual(await wrongModes(root), [], 'the analysis as `analyze` writes it');

    // The child inherits this umask, as from a user's shell.
    for (const args of [['tag', 'news', '0=female', '1=male'], ['report', 'news'], ['library', 'add', 'news', '--library', 'library'], ['collection', 'report', 'all', 'news']]) {
      const run = spawnSync(process.execPath, [join(repo, 'bin/onscreen.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
    }
    const files = (await walk(root)).map((e) => e.path.slice(root.length + 1));
    for (const expected of ['news/voices/v0.m4a', 'news/embeddings.json', 'news/tags.json', 'news/report.html', 'news/charts/share.png', 'library/library.json', 'library/thumbnails/p1.jpg', 'all/collection.json']) {
      assert.ok(files.includes(expected), `${expected} written (${files.join(', ')})`);
    }
    assert.deepEqual(await wrongModes(root), []);
  } finally {
    process.umask(mask);
    await rm(root, { recursive: true, force: true });
  }
});
