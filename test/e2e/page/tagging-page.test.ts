/**
 * The tagging page end to end, as a person uses it: the real engine service (in-process queue,
 * real analysis of a real clip) and headless Chromium. Signs in, follows the analysis, tags,
 * merges, undoes and finishes, checking after each edit that the figures and the share chart
 * change. Screenshots of every step go to test-artifacts/page/.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { formatPercent } from '../../../shared/src/ui/format.js';
import { startService, type ServiceHandle } from '../../../engine/src/api/start-service.js';
import { buildWebAssets } from '../../../engine/src/api/web/build.js';
import { loadServiceConfig } from '../../../engine/src/config/service.config.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CLIP = resolve(ROOT, '../shared/eval/video/short_hamilton_clip.mp4');
const WEIGHTS = ['fr_detect.onnx', 'fr_landmark.onnx', 'fr_feature.onnx'].map((name) => join(ROOT, 'models/weights', name));
const SHOTS = join(ROOT, 'test-artifacts/page');
const ANALYSIS_TIMEOUT_MS = 300_000;

const skip = !existsSync(CHROMIUM)
  ? `headless Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(CLIP)
    ? `the evaluation clip ${CLIP} is absent (../shared/eval)`
    : !WEIGHTS.every((path) => existsSync(path))
      ? 'the face models are not installed (npx onscreen models fetch)'
      : false;

test('tagging page: sign in, follow the analysis, tag, merge, undo and finish while the report follows', { skip, timeout: 900_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-page-e2e-'));
  let service: ServiceHandle | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  try {
    await mkdir(SHOTS, { recursive: true });
    const webDir = join(dataDir, 'web');
    await buildWebAssets({ outDir: webDir, minify: true });
    const config = loadServiceConfig({ dataDir: join(dataDir, 'data'), port: 0, retentionDays: 0 }, {});
    service = await startService(config, { webDir, log: () => undefined });
    const token = service.tokens.create('page-e2e');
    const client = new OnscreenClient({ baseUrl: service.url, token });
    const job = await client.uploadJob(await readFile(CLIP), 'short_hamilton_clip.mp4');

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const pageErrors: string[] = [];
    const charts = recordShareCharts(page);
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Sign in: a wrong token is refused in plain words, the right one is kept in the tab only.
    await page.goto(`${service.url}/`);
    await page.fill('input[name=token]', 'ons_not-a-real-token');
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'That token was not accepted' }).waitFor();
    await shoot(page, '01-sign-in-refused');
    await page.fill('input[name=token]', token);
    await page.fill('input[name=name]', 'Ana Reporter');
    await page.click('button[type=submit]');

    // The job list links to the job's page.
    const row = page.locator(`tr[data-job="${job.id}"]`);
    await row.waitFor();
    await shoot(page, '02-job-list');
    await row.locator('a').click();
    await page.waitForURL(`**/jobs/${job.id}`);
    assert.ok(!page.url().includes(token), 'the token never appears in the URL');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('onscreen.token')), token);

    if (await page.locator('.os-progress').isVisible()) await shoot(page, '03-analysing');
    await page.locator('.os-card').first().waitFor({ timeout: ANALYSIS_TIMEOUT_MS });
    const women = page.locator('.os-key[data-key="women"] .os-key__figure');
    const men = page.locator('.os-key[data-key="men"] .os-key__figure');
    await women.waitFor();
    await waitForCharts(page);
    const cardCount = await page.locator('.os-card').count();
    assert.ok(cardCount >= 2, `the clip shows several people; the page shows ${cardCount}`);
    assert.equal(await women.textContent(), '0%', 'nobody is tagged yet, so no woman is counted');
    assert.match((await page.locator('.os-counter strong').textContent()) ?? '', new RegExp(`^0 of ${cardCount} people tagged$`));
    await shoot(page, '04-ready-to-tag');

    // Tag a woman (the first person suggested as one, else the first person): the figure and the share chart change.
    const untaggedChart = await waitForChartChange(page, charts, undefined);
    const suggestedWoman = page.locator('.os-card').filter({ hasText: 'Suggested: woman' }).first();
    const first = (await suggestedWoman.count()) > 0 ? suggestedWoman : page.locator('.os-card').first();
    const firstId = await first.getAttribute('data-person');
    await first.getByRole('button', { name: 'Female' }).click();
    await assertPressed(first, 'Female');
    await page.waitForFunction(() => document.querySelector('.os-key[data-key="women"] .os-key__figure')?.textContent !== '0%');
    const womanChart = await waitForChartChange(page, charts, untaggedChart);
    assert.match((await first.locator('.os-card__origin').textContent()) ?? '', /Tagged Female by Ana Reporter/);
    await shoot(page, '05-a-person-tagged-female');

    // The keyboard tags too: focus another person's buttons and press M.
    const second = page.locator(`.os-card:not([data-person="${firstId}"])`).first();
    await second.getByRole('button', { name: 'Unknown' }).focus();
    await page.keyboard.press('m');
    await assertPressed(second, 'Male');
    await page.waitForFunction(() => document.querySelector('.os-key[data-key="men"] .os-key__figure')?.textContent !== '0%');
    await waitForChartChange(page, charts, womanChart);
    await shoot(page, '06-another-tagged-male-by-keyboard');

    // Accepting the suggestions tags everyone who has one.
    const accept = page.getByRole('button', { name: /Accept all suggestions/ });
    if (await accept.isEnabled()) {
      await accept.click();
      await page.locator('.os-grid-section[aria-busy="false"]').waitFor();
      assert.ok(await accept.isDisabled(), 'nothing is left to accept');
    }
    await shoot(page, '07-suggestions-accepted');

    // Merge two people, then undo it.
    const before = await page.locator('.os-card').count();
    await page.locator('.os-card').nth(before - 1).getByLabel('Select to merge').check();
    await page.locator('.os-card').nth(before - 2).getByLabel('Select to merge').check();
    await page.locator('.os-mergebar').filter({ hasText: 'are the same person?' }).waitFor();
    await shoot(page, '08-merge-selected');
    await page.getByRole('button', { name: 'Merge into one person' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.os-card').length === n - 1, before);
    await shoot(page, '09-merged');
    // Undo says what it takes back, and whose change it is.
    await page.getByRole('button', { name: /^Undo: Ana Reporter merged Person \d+ into Person \d+$/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.os-card').length === n, before);
    await page.getByRole('button', { name: /^Redo: Ana Reporter merged/ }).waitFor();

    // Split a person seen in several tracks: pick one of their faces as someone else, then undo that too.
    const splitButton = page.getByRole('button', { name: 'Not the same person? Split' }).first();
    if ((await splitButton.count()) > 0) {
      await splitButton.click();
      const panel = page.locator('.os-splitpanel');
      await panel.locator('.os-face').first().click();
      await panel.getByRole('button', { name: 'Move this face to a new person' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.os-card').length === n, before + 1);
      await shoot(page, '09b-split');
      await page.getByRole('button', { name: /^Undo: Ana Reporter moved a track of Person \d+ to Person \d+$/ }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.os-card').length === n, before);
    }

    // Tag whoever is left as unknown, then finish.
    const untagged = page.locator('.os-card--untagged');
    for (let left = await untagged.count(); left > 0; left--) {
      await untagged.first().getByRole('button', { name: 'Unknown' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.os-card--untagged').length === n - 1, left);
    }
    const finish = page.getByRole('button', { name: 'Finish tagging' });
    await finish.click();
    await page.getByRole('button', { name: 'Finished ✓' }).waitFor();

    // What the page settles on is what the API says.
    const report = await client.getReport(job.id);
    assert.equal(report.people.untagged, 0);
    const expected = { women: formatPercent(report.screenTime.female.share), men: formatPercent(report.screenTime.male.share) };
    await page.waitForFunction(
      ({ women: w, men: m }) =>
        document.querySelector('.os-key[data-key="women"] .os-key__figure')?.textContent === w &&
        document.querySelector('.os-key[data-key="men"] .os-key__figure')?.textContent === m &&
        !document.querySelector('.os-notice'),
      expected,
    ).catch(async () => {
      assert.deepEqual({ women: await women.textContent(), men: await men.textContent() }, expected);
    });
    assert.equal((await client.getJob(job.id)).status, 'done');
    // The exports download with the token, as files.
    const csv = await download(page, 'Spreadsheet (CSV)');
    assert.equal(csv.name, `onscreen-report-${job.id}.csv`);
    assert.equal(csv.text, await client.getReportCsv(job.id));
    const html = await download(page, 'Report (HTML)');
    assert.match(html.text, /<html/i);
    const json = await download(page, 'Data (JSON)');
    assert.deepEqual(JSON.parse(json.text).screenTime, report.screenTime);

    await page.locator('.os-definitions summary').click();
    await shoot(page, '10-finished-with-definitions');

    await page.setViewportSize({ width: 420, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, '11-narrow-screen.png') });
    assert.deepEqual(pageErrors, [], 'the page threw no errors');
  } catch (error) {
    if (page) await shoot(page, 'zz-failure').catch(() => undefined);
    throw error;
  } finally {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function assertPressed(card: ReturnType<Page['locator']>, label: string): Promise<void> {
  const button = card.getByRole('button', { name: label, exact: true });
  await button.and(card.locator('[aria-pressed="true"]')).waitFor();
}

async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>('.os-chart img')];
    // Share, timeline and persons; with speech heard, also "seen and heard" and speaking time per person.
    return images.length >= 3 && images.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
  });
}

/**
 * Records the SHA-256 of every share chart PNG the page fetches (the page shows them through
 * blob: URLs, which the page's content security policy rightly keeps from being fetched again).
 */
function recordShareCharts(page: Page): { latest(): string | undefined; count(): number } {
  const hashes: string[] = [];
  page.on('response', (response) => {
    if (!/\/charts\/share\.png$/.test(new URL(response.url()).pathname) || !response.ok()) return;
    void response.body().then((body) => hashes.push(createHash('sha256').update(body).digest('hex')), () => undefined);
  });
  return { latest: () => hashes.at(-1), count: () => hashes.length };
}

async function waitForChartChange(page: Page, charts: ReturnType<typeof recordShareCharts>, previous: string | undefined): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = charts.latest();
    if (current !== undefined && current !== previous) {
      await waitForCharts(page);
      return current;
    }
    if (Date.now() > deadline) throw new Error('the share chart did not change');
    await page.waitForTimeout(100);
  }
}
