/**
 * The tagging page's everyday behaviour in headless Chromium, against the real service (HTTP,
 * SQLite, files, the page's real bundle) with a small analysis made in code in place of the video
 * pipeline (tagging-page.test.ts analyses a real clip): another client's edits show without a
 * reload; undo and redo say what and whose; a person is split by picking faces; an analysis is
 * started from the page by upload (with progress) or by link; unknown jobs get a page.
 * Screenshots go to test-artifacts/page/.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';
import { buildWebAssets } from '../../../engine/src/api/web/build.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { startTestService, type TestService } from '../../medium/service/helpers/test-service.js';
import { makeTinyAnalysis } from '../../medium/service/helpers/tiny-analysis.js';

/** ffmpeg as the adapter finds it (no configured binaries). */
const system = new Ffmpeg();

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts/page');
const skip = existsSync(CHROMIUM) ? false : `headless Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

/** Reports progress for a moment (so the page can show it), then returns the small analysis. */
const processor: AnalysisProcessor = async (_task, { onProgress, signal }) => {
  for (let percent = 10; percent <= 90; percent += 20) {
    onProgress({ stage: 'faces', percent, etaSeconds: Math.round((100 - percent) / 20), message: `Finding faces: ${percent}%` });
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (signal.aborted) throw new Error('aborted');
  }
  return makeTinyAnalysis('tiny.mp4');
};

let s: TestService;
let browser: Browser;
let dir: string;

before(async () => {
  if (skip) return;
  dir = await mkdtemp(join(tmpdir(), 'onscreen-page-everyday-'));
  await mkdir(SHOTS, { recursive: true });
  const webDir = join(dir, 'web');
  await buildWebAssets({ outDir: webDir, minify: true });
  // Several pages and a polling client share one token here: a limit above what one newsroom needs.
  s = await startTestService({ retentionDays: 0, rateLimitPerMinute: 6000, rateLimitBurst: 600 }, { processor, webDir });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

async function readyJob(name: string): Promise<string> {
  const job = await s.client.uploadJob(new TextEncoder().encode(`not a real video: ${name}`), name);
  for (let i = 0; i < 200; i++) {
    if ((await s.client.getJob(job.id)).status === 'tagging') return job.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${job.id} never became ready`);
}

/** A page signed in as `name`, with the token in the tab as the sign-in form leaves it. */
async function signedIn(name: string, path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${s.url}/`);
  await page.fill('input[name=token]', s.token);
  await page.fill('input[name=name]', name);
  await page.click('button[type=submit]');
  await page.locator('.os-page-list').waitFor();
  await page.goto(`${s.url}${path}`);
  Object.assign(page, { errors });
  return page;
}

const card = (page: Page, person: number) => page.locator(`.os-card[data-person="${person}"]`);
const pressed = (page: Page, person: number, label: string) =>
  card(page, person).getByRole('button', { name: label, exact: true }).and(page.locator('[aria-pressed="true"]'));

test("the page follows another client's edits, and undo and redo say what and whose", { skip, timeout: 120_000 }, async () => {
  const jobId = await readyJob('live.mp4');
  const page = await signedIn('Bea', `/jobs/${jobId}`);
  await card(page, 1).waitFor();
  await page.getByRole('button', { name: 'Nothing to undo' }).waitFor();

  // Alice tags through the API (another client): the open page shows it, no reload.
  const alice = new OnscreenClient({ baseUrl: s.url, token: s.token });
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await alice.tag(jobId, 1, 'female', 'Alice');
  await pressed(page, 1, 'Female').waitFor({ timeout: 5000 });
  assert.match((await card(page, 1).locator('.os-card__origin').textContent()) ?? '', /Tagged Female by Alice/);
  const undo = page.getByRole('button', { name: 'Undo: Alice tagged Person 1 female' });
  await undo.waitFor();
  assert.deepEqual(navigations, [], 'the page was not reloaded');
  await page.screenshot({ path: join(SHOTS, '20-live-edit-by-another-client.png'), fullPage: true });

  // Bea's own edit comes first in the undo button; undo takes back hers, then Alice's.
  await card(page, 0).getByRole('button', { name: 'Male', exact: true }).click();
  await page.getByRole('button', { name: 'Undo: Bea tagged Person 0 male' }).click();
  await undo.click();
  await page.getByRole('button', { name: 'Redo: Alice tagged Person 1 female' }).waitFor();
  assert.equal((await s.client.getPeople(jobId)).people.find((p) => p.id === 1)?.tag, null);
  await page.screenshot({ path: join(SHOTS, '21-undo-says-whose-change.png'), fullPage: true });

  // Redo goes through the shared history: the API sees it, and so would another page.
  await page.getByRole('button', { name: 'Redo: Alice tagged Person 1 female' }).click();
  await pressed(page, 1, 'Female').waitFor();
  const people = await s.client.getPeople(jobId);
  assert.equal(people.people.find((p) => p.id === 1)?.tag, 'female');
  assert.equal(people.redo?.label, 'Bea tagged Person 0 male');
  await page.getByRole('button', { name: 'Redo: Bea tagged Person 0 male' }).waitFor();
  // An undo made elsewhere shows too.
  await alice.undo(jobId, 'Alice');
  await page.getByRole('button', { name: 'Redo: Alice tagged Person 1 female' }).waitFor({ timeout: 5000 });
  assert.deepEqual((page as unknown as { errors: string[] }).errors, []);
  await page.close();
});

test('charts are drawn at the size they are shown (twice that in pixels), and again when the column changes', { skip, timeout: 120_000 }, async () => {
  const jobId = await readyJob('charts.mp4');
  const page = await signedIn('Bea', `/jobs/${jobId}`);
  const sizes = async () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.os-chart img')].map((img) => ({ natural: img.naturalWidth, shown: img.clientWidth })));
  const settled = async () => {
    await page.waitForFunction(() => {
      const images = [...document.querySelectorAll<HTMLImageElement>('.os-chart img')];
      return images.length === 3 && images.every((img) => img.complete && img.naturalWidth > 0 && Math.abs(img.naturalWidth - 2 * img.clientWidth) <= 2 * 40);
    }, undefined, { timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`charts not at their shown size: ${JSON.stringify(await sizes())}`, { cause: error });
    });
    return sizes();
  };
  for (const { natural, shown } of await settled()) assert.ok(Math.abs(natural - 2 * shown) <= 80, `drawn ${natural} px for ${shown} CSS px`);
  const wide = (await sizes())[0]!.natural;
  await page.setViewportSize({ width: 900, height: 900 });
  await page.waitForFunction((before) => {
    const img = document.querySelector<HTMLImageElement>('.os-chart img');
    return img !== null && img.naturalWidth !== before && Math.abs(img.naturalWidth - 2 * img.clientWidth) <= 80;
  }, wide, { timeout: 30_000 });
  await page.close();
});

test('split: the person shows their tracks as faces; the ones picked become a new person, the rest keep the tag', { skip, timeout: 120_000 }, async () => {
  const jobId = await readyJob('split.mp4');
  const page = await signedIn('Bea', `/jobs/${jobId}`);
  const first = card(page, 0);
  await first.getByRole('button', { name: 'Female', exact: true }).click();
  await pressed(page, 0, 'Female').waitFor();
  await first.getByRole('button', { name: 'Not the same person? Split' }).click();
  const panel = page.getByRole('region', { name: 'Split Person 0' });
  await panel.waitFor();
  const faces = panel.locator('.os-face');
  assert.equal(await faces.count(), 2, 'person 0 has two tracks');
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.os-face img')].filter((img) => img.complete && img.naturalWidth > 0).length === 2);
  await panel.locator('.os-face[data-track="1"]').click();
  await page.screenshot({ path: join(SHOTS, '22-split-pick-faces.png'), fullPage: true });
  await panel.getByRole('button', { name: 'Move this face to a new person' }).click();
  await card(page, 3).waitFor();
  await panel.waitFor({ state: 'detached' });

  const people = (await s.client.getPeople(jobId)).people;
  assert.deepEqual(people.find((p) => p.id === 0)?.tracks, [0]);
  assert.equal(people.find((p) => p.id === 0)?.tag, 'female', 'the person split keeps the tag');
  assert.deepEqual(people.find((p) => p.id === 3)?.tracks, [1]);
  assert.equal(people.find((p) => p.id === 3)?.tag, null);
  await pressed(page, 0, 'Female').waitFor();
  await page.getByRole('button', { name: 'Undo: Bea moved a track of Person 0 to Person 3' }).waitFor();
  await page.close();
});

test('start an analysis from the page: upload with progress, then the job page; a private link is refused with the setting named', { skip, timeout: 120_000 }, async () => {
  const page = await signedIn('Bea', '/');
  const video = join(dir, 'interview.mp4');
  await writeFile(video, new Uint8Array(3 * 1024 * 1024).fill(3));
  await page.locator('input[type=file]').setInputFiles(video);
  await page.getByRole('button', { name: 'Upload and analyse' }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f]{20}$/);
  const jobId = page.url().split('/').at(-1)!;
  assert.equal((await s.client.getJob(jobId)).source.label, 'interview.mp4');
  await page.locator('.os-progress').waitFor();
  await page.screenshot({ path: join(SHOTS, '23-started-from-the-page.png'), fullPage: true });
  await card(page, 0).waitFor({ timeout: 30_000 });

  await page.goto(`${s.url}/`);
  await page.fill('input[name=url]', 'http://127.0.0.1:9/clip.mp4');
  await page.getByRole('button', { name: 'Analyse the link' }).click();
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  assert.match((await refusal.textContent()) ?? '', /private.*ONSCREEN_ALLOW_PRIVATE_NETWORK=true/);
  await page.screenshot({ path: join(SHOTS, '24-private-link-refused.png'), fullPage: true });
  await page.close();
});

test('small things: the sign-in form says where a token comes from; an unknown job gets a page, not JSON', { skip, timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${s.url}/`);
  await page.getByText('npx onscreen token create YOUR-NAME').waitFor();
  await page.screenshot({ path: join(SHOTS, '25-sign-in-says-where-tokens-come-from.png') });

  const cut = await page.goto(`${s.url}/jobs/abc123`);
  assert.equal(cut?.status(), 404);
  assert.match((await cut?.headerValue('content-type')) ?? '', /^text\/html/);
  await page.getByRole('heading', { name: 'No such video' }).waitFor();
  await page.getByRole('link', { name: 'See all videos' }).waitFor();
  await page.screenshot({ path: join(SHOTS, '26-no-such-video.png') });

  // A well-formed id of a job that does not exist (deleted): the page says so, with a way back.
  await page.goto(`${s.url}/`);
  await page.fill('input[name=token]', s.token);
  await page.click('button[type=submit]');
  await page.locator('.os-page-list').waitFor();
  await page.goto(`${s.url}/jobs/${'0'.repeat(20)}`);
  await page.getByRole('alert').filter({ hasText: 'it never existed, or it was deleted' }).waitFor();
  await page.getByRole('link', { name: 'See all videos' }).waitFor();
  await page.close();
});

test('the player: an uploaded video plays on the page, and "show me" seeks to the person', { skip, timeout: 120_000 }, async () => {
  // A real 12-second video made here (a test pattern): the analysis itself is the small one made in code.
  const file = join(dir, 'pattern.mp4');
  const { ffmpeg } = await system.binaries();
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10:duration=12', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file]);
  const job = await s.client.uploadJob(await readFile(file), 'pattern.mp4');
  for (let i = 0; i < 200 && (await s.client.getJob(job.id)).status !== 'tagging'; i++) await new Promise((r) => setTimeout(r, 50));
  const page = await signedIn('Bea', `/jobs/${job.id}`);
  const video = page.locator('video.os-player__video');
  await video.waitFor();
  await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('video.os-player__video')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
  const person = (await s.client.getPeople(job.id)).people.find((p) => p.id === 1)!;
  await card(page, 1).getByRole('button', { name: /^Show me/ }).click();
  await page.waitForFunction(
    (at) => Math.abs((document.querySelector<HTMLVideoElement>('video.os-player__video')?.currentTime ?? -9) - at) < 0.6,
    person.showAt,
    { timeout: 10_000 },
  );
  await page.screenshot({ path: join(SHOTS, '27-player-show-me.png') });
  // Person 0 was seen twice (two tracks): "show me" steps to the next appearance.
  const twice = (await s.client.getPeople(job.id)).people.find((p) => p.id === 0)!;
  assert.deepEqual(twice.appearances, [0.25, 5.25]);
  await card(page, 0).getByRole('button', { name: /^Show me/ }).click();
  await card(page, 0).getByRole('button', { name: 'Next appearance (0:05)' }).click();
  await page.waitForFunction(() => Math.abs((document.querySelector<HTMLVideoElement>('video.os-player__video')?.currentTime ?? -9) - 5.25) < 0.6, undefined, { timeout: 10_000 });
  await page.close();
});
