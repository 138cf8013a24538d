import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWebAssets } from '../../../engine/src/api/web/build.js';
import { isCollectionsPath, readCollectionId, readJobId } from '../../../engine/src/api/web/route.js';
import { describeTagging } from '../../../engine/src/api/web/CollectionVideos.js';

test('readJobId finds the job in /jobs/:id and nowhere else', () => {
  assert.equal(readJobId('/jobs/abc123'), 'abc123');
  assert.equal(readJobId('/jobs/abc123/'), 'abc123');
  assert.equal(readJobId('/jobs/a%20b'), 'a b');
  assert.equal(readJobId('/'), null);
  assert.equal(readJobId('/jobs/'), null);
  assert.equal(readJobId('/jobs/a/b'), null);
  assert.equal(readJobId('/jobs/%E0%A4%A'), null);
});

test('the collection pages: /collections lists them, /collections/:id is one; a job path is neither', () => {
  assert.equal(isCollectionsPath('/collections'), true);
  assert.equal(isCollectionsPath('/collections/'), true);
  assert.equal(isCollectionsPath('/collections/abc'), false);
  assert.equal(readCollectionId('/collections/abc123'), 'abc123');
  assert.equal(readCollectionId('/collections'), null);
  assert.equal(readCollectionId('/jobs/abc123'), null);
  assert.equal(readJobId('/collections/abc123'), null);
  assert.equal(readCollectionId('/collections/%E0%A4%A'), null);
});

test("a video's tagging is complete only with nobody untagged and no suggestion accepted unchecked", () => {
  assert.equal(describeTagging({ byPerson: 3, fromLibrary: 1, acceptedSuggestion: 0, untagged: 0 }), 'Complete: 3 tagged by a person, 1 recognised from the library');
  assert.equal(describeTagging({ byPerson: 3, fromLibrary: 0, acceptedSuggestion: 2, untagged: 0 }), 'Incomplete: 3 tagged by a person, 0 recognised from the library, 2 suggestions accepted unchecked');
  assert.equal(describeTagging({ byPerson: 0, fromLibrary: 0, acceptedSuggestion: 0, untagged: 4 }), 'Incomplete: 0 tagged by a person, 0 recognised from the library, 4 untagged');
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
