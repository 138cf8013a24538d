import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWebAssets } from '../../../engine/src/api/web/build.js';
import { readJobId } from '../../../engine/src/api/web/route.js';

test('readJobId finds the job in /jobs/:id and nowhere else', () => {
  assert.equal(readJobId('/jobs/abc123'), 'abc123');
  assert.equal(readJobId('/jobs/abc123/'), 'abc123');
  assert.equal(readJobId('/jobs/a%20b'), 'a b');
  assert.equal(readJobId('/'), null);
  assert.equal(readJobId('/jobs/'), null);
  assert.equal(readJobId('/jobs/a/b'), null);
  assert.equal(readJobId('/jobs/%E0%A4%A'), null);
});

test('buildWebAssets bundles the page with preact and joins the shared and page styles', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'onscreen-web-'));
  try {
    const { files } = await buildWebAssets({ outDir, minify: true });
    assert.deepEqual(files, [join(outDir, 'page.js'), join(outDir, 'page.css')]);
    const js = await readFile(join(outDir, 'page.js'), 'utf8');
    const css = await readFile(join(outDir, 'page.css'), 'utf8');
    // Self-contained: no import left for the browser to resolve.
    assert.doesNotMatch(js, /^\s*import\s/m);
    assert.match(js, /onscreen\.token/);
    assert.match(js, /Accept all suggestions/);
    assert.ok(css.indexOf('.os-tag--female') >= 0 && css.indexOf('.os-topbar') > css.indexOf('.os-tag--female'));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
