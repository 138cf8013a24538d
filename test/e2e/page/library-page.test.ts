/**
 * The people library in the browser: the real engine service with the library switched on, a small
 * analysis made in code (synthetic face signatures: no models needed), and headless Chromium. Tags
 * and names people on the job page, remembers them, sees them recognised in the next video with
 * "not them", then renames and deletes on the library page. Screenshots go to test-artifacts/library/.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { ServiceHandle } from '../../../engine/src/api/start-service.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { closeAll, openSignedIn, skipWithoutChromium as skip, startPageService } from './page-harness.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis, type SignedTrack } from '../../unit/library/library-fixture.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = join(ROOT, 'test-artifacts/library');

const videos: SignedTrack[][][] = [
  [[{ identity: 1, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, samples: range(6, 4), quality: 0.8 }]],
  [[{ identity: 1, shot: 4, samples: range(0, 4), quality: 0.8 }], [{ identity: 7, samples: range(6, 4) }]],
];
let analysed = 0;
const processor: AnalysisProcessor = async () => {
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, clusters: videos[Math.min(analysed++, 1)]! });
  return { analysis, thumbnails: new Map(), embeddings };
};

test('library page: remember tagged people, see them recognised, rename and delete', { skip, timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-library-e2e-'));
  const handles: { service?: ServiceHandle; browser?: Browser; page?: Page } = {};
  try {
    const service = (handles.service = await startPageService(dataDir, processor, { libraryEnabled: true }));
    const token = service.tokens.create('library-e2e');
    const client = new OnscreenClient({ baseUrl: service.url, token });
    const first = await client.watchJob((await client.uploadJob(new Uint8Array(1024).fill(1), 'monday.mp4')).id, () => undefined);

    const opened = await openSignedIn(`${service.url}/jobs/${first.id}`, token, 'Ana Reporter', SHOTS);
    [handles.browser, handles.page] = [opened.browser, opened.page];
    const { page, errors: pageErrors } = opened;

    // Tag and name the first person, tag the second, and remember them.
    const card = (id: number) => page.locator(`[data-person="${id}"]`);
    await card(0).getByRole('button', { name: 'Female', exact: true }).click();
    await card(0).locator('input[name=name]').fill('Ana Lima');
    await card(0).getByRole('button', { name: 'Save name' }).click();
    await card(0).getByText('Ana Lima (Person 0)').waitFor();
    await card(1).getByRole('button', { name: 'Male', exact: true }).click();
    await card(1).getByText('Tagged Male by Ana Reporter').waitFor();
    await page.getByRole('button', { name: 'Remember the people tagged here' }).click();
    await page.getByText('People library: 2 added, 0 updated.').waitFor();
    await page.screenshot({ path: join(SHOTS, '01-remembered.png') });

    // The next video: Ana is recognised, with "not them" offered; the stranger is not.
    const second = await client.watchJob((await client.uploadJob(new Uint8Array(1024).fill(2), 'tuesday.mp4')).id, () => undefined);
    await page.goto(`${service.url}/jobs/${second.id}`);
    await card(0).getByText('Recognised: Ana Lima, tagged female by Ana Reporter').waitFor();
    assert.equal(await card(1).getByText('Recognised').count(), 0);
    await page.screenshot({ path: join(SHOTS, '02-recognised.png') });
    await card(0).getByRole('button', { name: 'not them' }).click();
    await card(0).getByText('Not tagged yet').waitFor();

    // The library page: faces, names, tags, videos; rename and delete.
    await page.goto(`${service.url}/library`);
    const ana = page.locator('[data-library-person="p1"]');
    await ana.getByText('Ana Lima').first().waitFor();
    await ana.getByText('Seen in 1 video: Fixture').waitFor();
    await ana.getByText('Female, tagged by Ana Reporter').waitFor();
    await page.locator('[data-library-person="p2"] input[name=name]').fill('Rui Costa');
    await page.locator('[data-library-person="p2"]').getByRole('button', { name: 'Rename' }).click();
    await page.locator('[data-library-person="p2"] h2', { hasText: 'Rui Costa' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '03-library.png') });
    await ana.getByRole('button', { name: 'Delete' }).click();
    await ana.waitFor({ state: 'detached' });
    assert.deepEqual((await client.listLibrary()).people.map((p) => [p.id, p.name]), [['p2', 'Rui Costa']]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await closeAll(handles, SHOTS, dataDir);
  }
});
