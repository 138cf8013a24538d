/**
 * The browser extension end to end, as a person uses it: the built extension in headless
 * Chromium, a fake YouTube watch page on https://www.youtube.com (loopback, self-signed
 * certificate, --host-resolver-rules), and the real engine service in-process analysing a real
 * clip. Options (refused token, unreachable engine, then right), the button through the job's
 * states, tagging in the popup, "show me", the charts, the strip under the player, and YouTube's
 * in-page navigation. Screenshots of every step go to test-artifacts/extension/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { ServiceHandle } from '../../../engine/src/api/start-service.js';
import { formatPercent } from '../../../shared/src/ui/format.js';
import { buildExtension } from '../../../extension/build.js';
import { makeCertificate, startFakeYouTube, type FakeVideo, type FakeYouTube } from './fake-youtube.js';
import { ANALYSIS_TIMEOUT_MS, CLIP, findSkipReason, launchWithExtension, readLabel, ROOT, SECOND_CLIP, shoot, SHOTS, startEngine, waitForLabel, waitUntil } from './harness.js';

const VIDEOS: FakeVideo[] = [
  { id: 'hamiltonA01', title: 'Hamilton at the White House (test clip)', file: CLIP },
  { id: 'comicShop02', title: 'At the comic shop (test clip)', file: SECOND_CLIP },
  { id: 'liveStream3', title: 'Live: the evening news', file: CLIP, isLive: true },
  { id: 'removedVid4', title: 'A removed video', file: null },
  { id: 'privateVid5', title: 'A private video', file: CLIP },
];
/** Videos the engine refuses as YouTube would, with the error the source stage throws. */
const REFUSED = new Map([['privateVid5', 'source_private' as const]]);

const skip = findSkipReason();

test('extension: options, analyse from the watch page, tag in the popup, charts, strip, in-page navigation', { skip, timeout: 900_000 }, async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'onscreen-extension-e2e-'));
  let service: ServiceHandle | null = null;
  let youtube: FakeYouTube | null = null;
  let context: BrowserContext | null = null;
  const errors: string[] = [];
  try {
    await mkdir(SHOTS, { recursive: true });
    const { dir: extensionDir, zip, version } = await buildExtension(join(tmp, 'dist'));
    const packageVersion = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(version, packageVersion);
    assert.equal(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }), await readFile(join(extensionDir, 'manifest.json'), 'utf8'), 'the zip holds the built folder');
    const engine = await startEngine(tmp, VIDEOS, REFUSED);
    service = engine.service;
    const { token, client } = engine;
    youtube = await startFakeYouTube(VIDEOS, await makeCertificate(tmp));
    const browser = await launchWithExtension(join(tmp, 'profile'), extensionDir, youtube.port);
    context = browser.context;
    const { worker, extensionPage } = browser;
    const watch = (page: Page) => {
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      return page;
    };

    // 1. Not set up yet: the watch page's button says so where the user clicked, and opens the options.
    const [first, second, live, removed, refused] = VIDEOS as [FakeVideo, FakeVideo, FakeVideo, FakeVideo, FakeVideo];
    const page = watch(await context.newPage());
    await page.goto(`https://www.youtube.com/watch?v=${first.id}`);
    const button = page.locator('onscreen-analyze button.os-analyze');
    await waitForLabel(page, /^Analyze representation$/);
    assert.equal(await page.locator('onscreen-analyze').count(), 1);
    await page.locator('video').evaluate((video: HTMLVideoElement) => new Promise((done) => (video.readyState >= 1 ? done(null) : video.addEventListener('loadedmetadata', done))));
    await shoot(page, '01-watch-page-button');
    await button.click();
    const bubble = page.locator('onscreen-analyze .os-bubble');
    await bubble.filter({ hasText: 'onscreen is not connected to an engine yet.' }).waitFor();
    await shoot(page, '02-not-connected-yet');
    const popup = watch(await context.newPage());
    await popup.setViewportSize({ width: 580, height: 1100 });
    await popup.goto(extensionPage('popup.html'));
    await popup.getByRole('heading', { name: 'Connect onscreen to an engine' }).waitFor();
    await shoot(popup, '03-popup-not-connected');
    await page.bringToFront();
    const [options] = await Promise.all([context.waitForEvent('page'), bubble.getByRole('button', { name: 'Open onscreen options' }).click()]);
    watch(options);
    await options.waitForURL(extensionPage('options.html'));

    // 2. Options: an engine that is not there, a refused token, then the right settings.
    await options.fill('input[name=serverUrl]', 'http://127.0.0.1:9');
    await options.fill('input[name=token]', token);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByRole('alert').filter({ hasText: "Can't reach the onscreen engine at http://127.0.0.1:9." }).waitFor();
    await shoot(options, '04-options-engine-unreachable');
    await options.fill('input[name=serverUrl]', `${service.url}/`);
    await options.fill('input[name=token]', 'ons_not-a-real-token');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('alert').filter({ hasText: 'The engine refused the token.' }).waitFor();
    await shoot(options, '05-options-token-refused');
    await options.fill('input[name=token]', token);
    await options.fill('input[name=name]', 'Ana Reporter');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: `Connected to the onscreen engine` }).waitFor();
    assert.equal(await options.inputValue('input[name=serverUrl]'), service.url, 'the address is saved without its trailing slash');
    await shoot(options, '06-options-connected');
    await options.close();

    // 3. Clicking again starts the analysis, which the button follows to "Ready to tag".
    await page.bringToFront();
    await button.click();
    const labels = await followLabels(page, /^Ready to tag$/, ANALYSIS_TIMEOUT_MS, () => shoot(page, '07-watch-page-analysing'));
    assert.ok(labels.some((label) => /^(Starting…|Queued…|Analysing \d+%)$/.test(label)), `the button showed the analysis going (saw ${labels.join(' → ')})`);
    assert.ok(labels.every((label) => /^(Analyze representation|Starting…|Queued…|Analysing \d+%|Ready to tag)$/.test(label)), labels.join(' → '));
    const [job] = (await client.listJobs()).jobs;
    assert.ok(job && job.source.videoId === first.id && job.status === 'tagging', 'the engine has the job, ready to tag');
    assert.equal(job.requester?.includes('browser-extension'), true);
    await shoot(page, '08-watch-page-ready-to-tag');

    // A notification says it is ready to tag.
    type NotificationsApi = { chrome: { notifications: { getAll(done: (all: Record<string, unknown>) => void): void } } };
    const notes = await worker.evaluate(() => new Promise<Record<string, unknown>>((done) => (globalThis as unknown as NotificationsApi).chrome.notifications.getAll(done)));
    assert.ok(Object.keys(notes).includes(`onscreen-job:${job.id}`), `a notification for the job (have ${Object.keys(notes).join(', ') || 'none'})`);

    // "Ready to tag" opens the toolbar popup (or, where the browser refuses, a popup window) on the job.
    type ContextsApi = { chrome: { runtime: { getContexts(filter: { contextTypes: string[] }): Promise<Array<{ contextType: string; documentUrl?: string }>> } } };
    const findContexts = () => worker.evaluate(async () => (await (globalThis as unknown as ContextsApi).chrome.runtime.getContexts({ contextTypes: ['POPUP', 'TAB'] })).map((c) => `${c.contextType} ${c.documentUrl ?? ''}`));
    const isTaggingOpen = (contexts: string[]) => contexts.some((c) => /^POPUP .*\/popup\.html/.test(c) || c.includes(`/popup.html?job=${job.id}`));
    assert.equal(isTaggingOpen(await findContexts()), false);
    await button.click();
    await waitUntil(async () => isTaggingOpen(await findContexts()), 'the popup opened');

    // 4. The popup (still open in a tab since before the setup) now shows the video's people, with thumbnails.
    await popup.bringToFront();
    // As cards (a long list of people opens as the compact list, tested in page-variants.test.ts).
    await popup.getByRole('button', { name: 'Cards', exact: true }).click();
    await popup.locator('.os-card').first().waitFor();
    const people = (await client.getPeople(job.id)).people;
    assert.equal(await popup.locator('.os-card').count(), people.length);
    assert.ok(people.length >= 2, `the clip shows several people; the engine found ${people.length}`);
    assert.equal(await popup.locator('.ext-head__title').textContent(), first.title);
    await popup.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.os-card__thumb img')].every((img) => img.complete && img.naturalWidth > 0));
    await shoot(popup, '09-popup-people');

    // "Show me" seeks the YouTube player to a moment where that person is on screen.
    const firstCard = popup.locator('.os-card').first();
    const shownId = Number(await firstCard.getAttribute('data-person'));
    const showAt = people.find((p) => p.id === shownId)?.showAt ?? -1;
    await firstCard.getByRole('button', { name: /^Show me/ }).click();
    await page.waitForFunction((t) => Math.abs((document.querySelector('video')?.currentTime ?? -99) - t) < 0.25, showAt);
    await page.bringToFront();
    await shoot(page, '10-show-me-seeks-the-player');

    // Merge two people and undo it; split a person made of several tracks and undo that too.
    await popup.bringToFront();
    const cards = popup.locator('.os-card');
    const count = await cards.count();
    await cards.nth(count - 1).getByLabel('Select to merge').check();
    await cards.nth(count - 2).getByLabel('Select to merge').check();
    await popup.getByRole('button', { name: 'Merge into one person' }).click();
    await popup.waitForFunction((n) => document.querySelectorAll('.os-card').length === n - 1, count);
    await popup.getByRole('button', { name: 'Undo last change' }).click();
    await popup.waitForFunction((n) => document.querySelectorAll('.os-card').length === n, count);
    const splittable = people.find((p) => p.tracks.length > 1);
    if (splittable) {
      await popup.locator(`.os-card[data-person="${splittable.id}"]`).getByRole('button', { name: /Split/ }).click();
      await popup.waitForFunction((n) => document.querySelectorAll('.os-card').length === n, count + splittable.tracks.length - 1);
      await popup.getByRole('tab', { name: `People (${count + splittable.tracks.length - 1})` }).waitFor();
      // A split into several people is one action: one undo takes it all back.
      await popup.getByRole('button', { name: 'Undo last change' }).click();
      await popup.waitForFunction((n) => document.querySelectorAll('.os-card').length === n, count);
    }
    assert.equal((await client.getPeople(job.id)).people.length, count, 'merge and split were undone in the engine');

    // 5. Tag as a person would who agrees with the suggestions: the first by hand with its button,
    // the rest with "Accept all suggestions", anyone without one as unknown; then finish.
    const suggested = people.find((p) => p.id === shownId)?.suggestion?.gender;
    const firstTag = suggested === 'female' ? 'Female' : suggested === 'male' ? 'Male' : 'Unknown';
    await firstCard.getByRole('button', { name: firstTag, exact: true }).click();
    await firstCard.locator('[aria-pressed="true"]', { hasText: firstTag }).waitFor();
    const accept = popup.getByRole('button', { name: /Accept all suggestions/ });
    if (await accept.isEnabled()) {
      await accept.click();
      await popup.locator('.os-grid-section[aria-busy="false"]').waitFor();
    }
    for (const card of await popup.locator('.os-card--untagged').all()) {
      await card.getByRole('button', { name: 'Unknown', exact: true }).click();
      await popup.locator('.os-grid-section[aria-busy="false"]').waitFor();
    }
    await popup.waitForFunction(() => document.querySelectorAll('.os-card--untagged').length === 0);
    assert.equal((await client.getPeople(job.id)).isComplete, true, 'every person is tagged in the engine');
    const history = (await client.history(job.id)).edits;
    assert.ok(history.length > 0 && history.every((edit) => edit.by === 'extension-e2e' && edit.onBehalfOf === 'Ana Reporter'), "tags carry the extension's token and, on behalf of, the name from the options");
    await shoot(popup, '11-popup-everyone-tagged');
    await popup.getByRole('button', { name: 'Finish tagging' }).click();
    // Finished: the popup turns to the results by itself, and the people stay marked finished.
    await popup.getByRole('tab', { name: 'Results', selected: true }).waitFor();
    assert.equal((await client.getJob(job.id)).status, 'done');
    await popup.getByRole('tab', { name: /^People/ }).click();
    await popup.getByRole('button', { name: 'Finished ✓' }).waitFor();

    // 6. The results: the figures match the engine's report, and the charts load (three, and with
    // speech heard "Seen and heard" and speaking time per person).
    const report = await client.getReport(job.id);
    await popup.getByRole('tab', { name: 'Results' }).click();
    await popup.waitForFunction((count) => {
      const images = [...document.querySelectorAll<HTMLImageElement>('.os-chart img')];
      return images.length === count && images.every((img) => img.complete && img.naturalWidth > 0);
    }, report.speakingTime ? 5 : 3);
    const women = await popup.locator('.os-key[data-key="women"] .os-key__figure').textContent();
    const men = await popup.locator('.os-key[data-key="men"] .os-key__figure').textContent();
    assert.equal(women, formatPercent(report.screenTime.female.share));
    assert.equal(men, formatPercent(report.screenTime.male.share));
    const tags = (await client.getPeople(job.id)).people.map((p) => p.tag);
    assert.equal(report.people.female, tags.filter((t) => t === 'female').length);
    assert.equal(report.people.male, tags.filter((t) => t === 'male').length);
    assert.ok(report.screenTime.female.seconds + report.screenTime.male.seconds > 0, 'someone tagged is on screen');
    // "Open the full report" is a read-only share link: it opens without the token the extension holds.
    const fullReport = (await popup.locator('.ext-fullreport a').getAttribute('href')) ?? '';
    assert.match(fullReport, new RegExp(`^${service.url}/share/[\\w-]{22}\\.[\\w-]{43}$`));
    const shared = await fetch(fullReport);
    assert.equal(shared.status, 200);
    assert.match(await shared.text(), /<html/i);
    await shoot(popup, '12-popup-results');

    // 7. The strip under the player's progress bar shows when women and men are on screen.
    await page.bringToFront();
    await waitForLabel(page, /^See representation$/);
    const strip = page.locator('.ytp-progress-bar #onscreen-strip');
    await strip.waitFor();
    const womenMarks = await strip.locator('.onscreen-strip__female').count();
    const menMarks = await strip.locator('.onscreen-strip__male').count();
    assert.equal(womenMarks > 0, report.screenTime.female.seconds > 0, 'women are marked exactly when the report has women on screen');
    assert.equal(menMarks > 0, report.screenTime.male.seconds > 0, 'men are marked exactly when the report has men on screen');
    // The marks sit where the report's timeline says, on the player's 10 s bar.
    const firstMark = await strip.locator('div').first().evaluate((mark: HTMLElement) => ({ lane: mark.className, left: parseFloat(mark.style.left) }));
    const firstBin = report.timeline.bins.find((bin) => bin[firstMark.lane === 'onscreen-strip__female' ? 'female' : 'male']);
    const playerSeconds = await page.locator('video').evaluate((video: HTMLVideoElement) => video.duration);
    assert.ok(firstBin && Math.abs(firstMark.left - (firstBin.t / playerSeconds) * 100) < 0.01, `first mark at ${firstMark.left}% for a bin at ${firstBin?.t} s`);
    await page.locator('#movie_player').scrollIntoViewIfNeeded();
    await shoot(page, '13-strip-under-the-progress-bar');
    await page.locator('#movie_player').screenshot({ path: join(SHOTS, '13b-strip-close-up.png') });

    // 8. In-page navigation to another video: the button follows, once; the strip goes.
    await page.evaluate((id) => (window as unknown as { fakeYouTube: { navigate(id: string): void } }).fakeYouTube.navigate(id), second.id);
    await waitForLabel(page, /^Analyze representation$/);
    assert.equal(await page.locator('onscreen-analyze').count(), 1, 'one button after navigating');
    assert.equal(await page.locator('#onscreen-strip').count(), 0, 'no strip: this video has no report');
    await shoot(page, '14-second-video-in-page');
    await button.click();
    const secondLabels = await followLabels(page, /^(Ready to tag|Analysis failed: retry|Can't analyse this video)$/, ANALYSIS_TIMEOUT_MS);
    const secondJob = (await client.listJobs()).jobs.find((j) => j.source.videoId === second.id);
    assert.ok(secondJob, 'the second video was sent to the engine');
    assert.equal(secondLabels.at(-1) === 'Ready to tag', secondJob.status === 'tagging', `${secondLabels.join(' → ')} (${secondJob.status})`);
    assert.equal(await page.locator('onscreen-analyze').count(), 1);
    await shoot(page, '15-second-video-analysed');

    // Back to the first video (the browser's back button): its state and strip come back.
    await page.goBack();
    await waitForLabel(page, /^See representation$/);
    await page.locator('#onscreen-strip').waitFor();
    assert.equal(await page.locator('onscreen-analyze').count(), 1, 'still one button after going back');
    await shoot(page, '16-back-to-first-video');

    // 9. A live stream and a page without a video get a disabled button that says why.
    await page.evaluate((id) => (window as unknown as { fakeYouTube: { navigate(id: string): void } }).fakeYouTube.navigate(id), live.id);
    await waitForLabel(page, /^Live streams can't be analysed$/);
    assert.equal(await button.isDisabled(), true);
    await shoot(page, '17-live-stream-disabled');
    await page.evaluate((id) => (window as unknown as { fakeYouTube: { navigate(id: string): void } }).fakeYouTube.navigate(id), removed.id);
    await waitForLabel(page, /^No video to analyse$/);
    assert.equal(await button.isDisabled(), true);
    assert.equal(await page.locator('onscreen-analyze').count(), 1);
    await shoot(page, '18-no-video-disabled');

    // 10. A video the engine refuses: the button and the message under it agree that it cannot be
    // analysed, and why; no retry is offered, since it would fail the same way.
    await page.evaluate((id) => (window as unknown as { fakeYouTube: { navigate(id: string): void } }).fakeYouTube.navigate(id), refused.id);
    await waitForLabel(page, /^Analyze representation$/);
    await button.click();
    await followLabels(page, /^Can't analyse this video$/, 60_000);
    assert.equal(await button.getAttribute('title'), 'The video is private or needs a sign-in.');
    assert.equal(await button.isDisabled(), true, 'no retry for a refused video');
    await bubble.filter({ hasText: "The engine can't analyse this video: the video is private or needs a sign-in." }).filter({ hasText: 'Try another video.' }).waitFor();
    await shoot(page, '19-video-refused');

    // 11. The popup's recent analyses list both videos.
    await popup.goto(extensionPage(`popup.html?job=${encodeURIComponent(job.id)}`));
    await popup.locator('.ext-tabs').waitFor();
    await popup.locator('.ext-recent').waitFor();
    assert.match((await popup.locator('.ext-recent summary').textContent()) ?? '', /Recent analyses \(2\)/);
    await popup.locator('.ext-recent summary').click();
    for (const video of [second, refused]) {
      await popup.locator(`.ext-recent a[href="https://www.youtube.com/watch?v=${video.id}"]`).waitFor();
    }
    assert.match((await popup.locator(`.ext-recent li:has(a[href$="${refused.id}"]) .os-status`).textContent()) ?? '', /Failed/i);
    await shoot(popup, '20-popup-recent');

    assert.deepEqual(errors, [], 'no page threw');
  } catch (error) {
    // Every open page as it was when the test failed, to see what went wrong.
    for (const [index, open] of (context?.pages() ?? []).entries()) {
      await open.screenshot({ path: join(SHOTS, `failure-${index}.png`), fullPage: true }).catch(() => undefined);
    }
    throw error;
  } finally {
    await context?.close();
    await youtube?.close();
    await service?.close();
    await rm(tmp, { recursive: true, force: true });
  }
});

/** Every label the button shows until one matches `end`; `onBusy` runs once mid-analysis. */
async function followLabels(page: Page, end: RegExp, timeoutMs: number, onBusy?: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  let isBusyShot = false;
  while (Date.now() < deadline) {
    const label = await readLabel(page);
    if (label !== null && label !== seen.at(-1)) seen.push(label);
    if (label !== null && end.test(label)) return seen;
    if (!isBusyShot && onBusy && label && /^Analysing \d+%$/.test(label) && !/^Analysing 0%$/.test(label)) {
      isBusyShot = true;
      await onBusy();
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`the button never said ${end} (saw ${seen.join(' → ')})`);
}
