/**
 * The collection page in the browser: the real engine service, small analyses made in code (no
 * models needed), and headless Chromium. Creates a collection, adds tagged and untagged videos, reads
 * the totals, the videos' table with tagging completeness, the charts and the trend per week, removes
 * a video, is told when a video it offered was deleted meanwhile, and downloads every export, each checked against the API's report. Screenshots go to
 * test-artifacts/collection/.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Job } from '../../../shared/src/api/types.js';
import type { CollectionReport } from '../../../shared/src/collection.js';
import { formatPercent } from '../../../shared/src/format/percent.js';
import type { ServiceHandle } from '../../../engine/src/api/start-service.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis, type PersonSpec } from '../../medium/service/helpers/tiny-analysis.js';
import { closeAll, openSignedIn, skipWithoutChromium as skip, startPageService } from './page-harness.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = join(ROOT, 'test-artifacts/collection');

// Episode 1: the default three people; episode 2: one woman the whole time; episode 3: left untagged.
const PEOPLE: (PersonSpec[] | undefined)[] = [undefined, [{ female: 0.9, tracks: [[0, 20]] }], undefined];
let analysed = 0;
const processor: AnalysisProcessor = async () => makeTinyAnalysis('/server/path/upload.mp4', PEOPLE[analysed++ % 3]);

async function analyseThree(client: OnscreenClient): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const i of [1, 2, 3]) jobs.push(await client.watchJob((await client.uploadJob(new Uint8Array(2048).fill(i), `episode ${i}.mp4`)).id, () => undefined));
  await client.tag(jobs[0]!.id, 0, 'female', 'ana');
  await client.tag(jobs[0]!.id, 1, 'male', 'ana');
  await client.tag(jobs[0]!.id, 2, 'unknown', 'ana');
  await client.tag(jobs[1]!.id, 0, 'female', 'ana');
  return jobs;
}

/** Clicks an export button and returns the downloaded bytes. */
async function download(page: Page, label: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  return readFile((await file.path())!);
}

test('collection page: create, add videos, totals, completeness, trend, remove, exports', { skip, timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-collection-e2e-'));
  const handles: { service?: ServiceHandle; browser?: Browser; page?: Page } = {};
  try {
    const service = (handles.service = await startPageService(dataDir, processor));
    const token = service.tokens.create('collection-e2e');
    const client = new OnscreenClient({ baseUrl: service.url, token });
    const jobs = await analyseThree(client);

    const opened = await openSignedIn(`${service.url}/collections`, token, 'Ana Reporter', SHOTS, 1280);
    [handles.browser, handles.page] = [opened.browser, opened.page];
    const { page, errors: pageErrors } = opened;

    // Create a collection: its page opens, empty, offering the three analysed videos.
    await page.getByText('No collection yet').waitFor();
    await page.fill('input[name=collection-name]', 'Evening news');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Evening news' }).waitFor();
    await page.getByText('No analysed video in this collection yet').waitFor();
    const [collection] = await client.listCollections();
    assert.equal(page.url(), `${service.url}/collections/${collection!.id}`);

    // A video deleted since the page showed it: one clear message, and nothing is added.
    const gone = await client.watchJob((await client.uploadJob(new Uint8Array(2048).fill(9), 'deleted meanwhile.mp4')).id, () => undefined);
    await page.reload();
    await page.locator(`select[name=jobs] option[value="${gone.id}"]`).waitFor({ state: 'attached' });
    await client.deleteJob(gone.id);
    await page.locator('select[name=jobs]').selectOption([...jobs.map((j) => j.id), gone.id]);
    await page.getByRole('button', { name: 'Add to the collection' }).click();
    await page.getByRole('alert').getByText(`No job ${gone.id}: it never existed, or it was deleted. Nothing was added.`).waitFor();
    assert.deepEqual((await client.getCollection(collection!.id)).jobIds, []);

    // Add all three: the totals and each video's shares and tagging completeness are the API's.
    await page.locator('select[name=jobs]').selectOption(jobs.map((j) => j.id));
    await page.getByRole('button', { name: 'Add to the collection' }).click();
    await page.locator('[data-video]').nth(2).waitFor();
    const report = await client.getCollectionReport(collection!.id);
    const totals = page.locator('[data-totals]');
    await totals.getByText(`Women on screen ${formatPercent(report.total.screenTime.female.share)}`).waitFor();
    await totals.getByText(`Men on screen ${formatPercent(report.total.screenTime.male.share)}`).waitFor();
    assert.match(await totals.innerText(), /range \d+(\.\d)?–\d+(\.\d)?%/);
    for (const video of report.videos) {
      const row = page.locator(`[data-video="${video.id}"]`);
      assert.equal(await row.locator('td').nth(3).innerText(), formatPercent(video.screenTime.female.share));
      assert.equal(await row.locator('td').nth(4).innerText(), formatPercent(video.screenTime.male.share));
    }
    await page.locator(`[data-video="${jobs[0]!.id}"]`).getByText('Complete: 3 tagged by a person, 0 recognised from the library').waitFor();
    await page.locator(`[data-video="${jobs[2]!.id}"]`).getByText('Incomplete: 0 tagged by a person, 0 recognised from the library, 3 untagged').waitFor();
    assert.equal(await page.locator('svg.os-collection-chart').count(), 3);
    assert.equal(await page.locator('svg.os-collection-chart').first().locator('rect[fill="#E66100"]').count(), 3 + 1, 'a woman\'s bar per video, and the legend');
    await page.getByText('Every analysed video is in this collection already.').waitFor();
    await page.screenshot({ path: join(SHOTS, '01-collection.png'), fullPage: true });

    // The trend per week names the weeks the API's report has.
    await page.getByLabel('Group the trend by').selectOption('week');
    const weekly = await client.getCollectionReport(collection!.id, 'week');
    await page.locator('svg.os-collection-chart').nth(1).getByText(weekly.periods[0]!.period, { exact: true }).waitFor();

    // Exports, each the collection's own (in the week grouping now chosen).
    const json = JSON.parse((await download(page, 'JSON')).toString('utf8')) as CollectionReport;
    assert.equal(json.periodKind, 'week');
    assert.equal(json.total.duration, weekly.total.duration);
    assert.deepEqual(json.videos.map((v) => v.id).sort(), jobs.map((j) => j.id).sort());
    assert.match((await download(page, 'CSV')).toString('utf8'), /^metric,/);
    assert.match((await download(page, 'HTML')).toString('utf8'), /<html[\s\S]*Evening news/);
    for (const label of ['PNG: per video', 'PNG: trend', 'PNG: people']) assert.deepEqual([...(await download(page, label)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], label);

    // Remove the untagged video: gone from the page and from the collection, which adds up without it.
    await page.locator(`[data-video="${jobs[2]!.id}"]`).getByRole('button', { name: 'Remove' }).click();
    await page.locator(`[data-video="${jobs[2]!.id}"]`).waitFor({ state: 'detached' });
    assert.deepEqual((await client.getCollection(collection!.id)).jobIds.sort(), [jobs[0]!.id, jobs[1]!.id].sort());
    const after = await client.getCollectionReport(collection!.id, 'week');
    await totals.getByText(`Women on screen ${formatPercent(after.total.screenTime.female.share)}`).waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await closeAll(handles, SHOTS, dataDir);
  }
});
