/**
 * Across videos in the browser: the built extension in headless Chromium, the fake YouTube on
 * https://www.youtube.com, and the real engine service in-process, its analysis replaced by a small
 * made-up one that carries each video's channel as YouTube's metadata would, and its yt-dlp by a
 * stand-in script that lists the playlist (no network). On a watch page of a channel with analysed
 * videos the popup shows the channel's totals so far and links to its collection; a channel with
 * none shows nothing. A playlist page offers "Analyse this playlist", whose progress the popup
 * follows to the end; a video played in that playlist shows the same. Screenshots go to
 * test-artifacts/extension/.
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { describeTotals } from '../../../shared/src/format/totals.js';
import { parseYouTubeUrl } from '../../../shared/src/youtube-url.js';
import { startService, type ServiceHandle } from '../../../engine/src/api/start-service.js';
import { loadServiceConfig } from '../../../engine/src/config/service.config.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { buildExtension } from '../../../extension/build.js';
import { makeTinyAnalysis } from '../../medium/service/helpers/tiny-analysis.js';
import { makeCertificate, startFakeYouTube, type FakePlaylist, type FakeVideo, type FakeYouTube } from './fake-youtube.js';
import { CHROMIUM, launchWithExtension, shoot, SHOTS } from './harness.js';

const NEWS = { id: 'UCeveningNewsChannel0001', handle: '@EveningNews', name: 'Evening News' };
const VIDEOS: FakeVideo[] = [
  { id: 'newsMon0001', title: 'Monday\'s evening news', file: null, channel: { href: '/@EveningNews', name: 'Evening News' } },
  { id: 'newsTue0002', title: 'Tuesday\'s evening news', file: null, channel: { href: '/@EveningNews', name: 'Evening News' } },
  { id: 'newsWed0003', title: 'Wednesday\'s evening news', file: null, channel: { href: '/@EveningNews', name: 'Evening News' } },
  { id: 'sportsSat04', title: 'Saturday sports', file: null, channel: { href: '/channel/UCsportsDeskChannel00001', name: 'Sports desk' } },
];
const PLAYLIST: FakePlaylist = { id: 'PLeveningNewsWeek01', title: 'Evening news: this week', videos: ['newsMon0001', 'newsTue0002', 'newsWed0003'] };
/** What the stand-in yt-dlp lists for the playlist: its three videos and a private one. */
const LISTING = {
  title: PLAYLIST.title,
  entries: [...PLAYLIST.videos.map((id) => ({ id, title: VIDEOS.find((v) => v.id === id)?.title })), { id: 'privateVid5', title: '[Private video]', availability: 'private' }],
};

type ChromeApi = { chrome: { storage: { local: { set(items: object): Promise<void> } }; runtime: { sendMessage(message: object): Promise<unknown> } } };

test('extension: a channel\'s totals so far on its watch pages, and a playlist analysed as a whole with its progress', { skip: existsSync(CHROMIUM) ? false : `headless Chromium is not installed at ${CHROMIUM}`, timeout: 300_000 }, async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'onscreen-across-e2e-'));
  let service: ServiceHandle | null = null;
  let youtube: FakeYouTube | null = null;
  let context: BrowserContext | null = null;
  const errors: string[] = [];
  // The playlist's videos wait here, so the popup can be seen following them.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((done) => (release = done));
  try {
    await mkdir(SHOTS, { recursive: true });
    const ytDlp = join(tmp, 'yt-dlp');
    await writeFile(join(tmp, 'listing.json'), JSON.stringify(LISTING));
    await writeFile(ytDlp, `#!/bin/sh\ncase "$*" in --version) echo 2026.01.01;; *) cat '${join(tmp, 'listing.json')}';; esac\n`);
    await chmod(ytDlp, 0o755);
    let isGated = false;
    const processor: AnalysisProcessor = async (task) => {
      if (isGated) await gate;
      const videoId = parseYouTubeUrl(task.source)?.videoId ?? '';
      const result = makeTinyAnalysis(`https://www.youtube.com/watch?v=${videoId}`);
      if (videoId.startsWith('news')) result.analysis.video.channel = NEWS;
      return result;
    };
    service = await startService(loadServiceConfig({ dataDir: join(tmp, 'data'), port: 0, retentionDays: 0, allowPrivateNetwork: true }, {}), { processor, ytDlp, log: () => undefined });
    const token = service.tokens.create('extension-e2e');
    const client = new OnscreenClient({ baseUrl: service.url, token });

    // Two of the channel's videos analysed before (from anywhere: the page, Slack); one tagged.
    const analysed = [];
    for (const id of ['newsMon0001', 'newsTue0002']) analysed.push(await client.watchJob((await client.createJob({ url: `https://www.youtube.com/watch?v=${id}` })).id, () => undefined));
    await client.tag(analysed[0]!.id, 0, 'female', 'ana');
    await client.tag(analysed[0]!.id, 1, 'male', 'ana');
    const totals = await client.channelTotals({ handle: NEWS.handle });
    assert.equal(totals.videos, 2);
    assert.ok(totals.total && totals.collection);
    const words = describeTotals(totals.total);

    const { dir: extensionDir } = await buildExtension(join(tmp, 'dist'));
    youtube = await startFakeYouTube(VIDEOS, await makeCertificate(tmp), [PLAYLIST]);
    const browser = await launchWithExtension(join(tmp, 'profile'), extensionDir, youtube.port);
    context = browser.context;
    const { worker, extensionPage } = browser;
    await worker.evaluate(async (settings) => (globalThis as unknown as ChromeApi).chrome.storage.local.set({ settings }), { serverUrl: service.url, token, name: 'Ana Reporter' });
    const watch = (page: Page) => {
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      return page;
    };
    const openPopup = async () => {
      const popup = watch(await context!.newPage());
      await popup.setViewportSize({ width: 580, height: 900 });
      await popup.goto(extensionPage('popup.html'));
      return popup;
    };

    // 1. A new video of a channel with analysed videos: the channel's totals so far, and its collection.
    const page = watch(await context.newPage());
    await page.goto('https://www.youtube.com/watch?v=newsWed0003');
    await page.locator('ytd-video-owner-renderer a').waitFor();
    let popup = await openPopup();
    const card = popup.getByRole('region', { name: 'This channel so far' });
    await card.waitFor();
    assert.equal(await card.getByRole('heading').textContent(), 'Evening News so far');
    assert.equal(await card.locator('.ext-channel__headline').textContent(), `Women on screen ${words.women} over 2 videos`);
    assert.match(await card.textContent() ?? '', new RegExp(`Range ${words.womenRange} · men on screen ${words.men} · 2 of 6 people tagged by a person, 4 not tagged yet`));
    assert.equal(await card.getByRole('link', { name: 'Open the channel\'s collection' }).getAttribute('href'), `${service.url}/collections/${totals.collection.id}`);
    await popup.getByRole('heading', { name: 'Who gets the screen time?' }).waitFor();
    await shoot(popup, 'across-01-channel-totals');
    await popup.close();

    // 2. A channel with nothing analysed (found by its /channel/UC… link): no totals are shown.
    await page.goto('https://www.youtube.com/watch?v=sportsSat04');
    await page.locator('ytd-video-owner-renderer a').waitFor();
    popup = await openPopup();
    await popup.getByRole('heading', { name: 'Who gets the screen time?' }).waitFor();
    const send = (message: object) => popup.evaluate(async (m) => (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage(m), message);
    const { tabId } = ((await send({ type: 'currentVideo', payload: {} })) as { value: { tabId: number } }).value;
    const answer = await send({ type: 'channelTotals', payload: { tabId } });
    assert.deepEqual(answer, { ok: true, value: null }, 'the worker read the page\'s channel and the engine has none of its videos');
    assert.equal(await popup.locator('.ext-channel').count(), 0);
    assert.equal(await popup.locator('.ext-playlist').count(), 0, 'no playlist on a plain watch page');
    await popup.close();

    // 3. A playlist page offers to analyse the playlist; the popup follows the videos to the end.
    isGated = true;
    await page.goto(`https://www.youtube.com/playlist?list=${PLAYLIST.id}`);
    popup = await openPopup();
    const offer = popup.getByRole('region', { name: 'This playlist' });
    await offer.getByRole('button', { name: 'Analyse this playlist' }).click();
    const status = offer.getByRole('status');
    // Monday's and Tuesday's jobs are reused (analysed before); Wednesday's waits at the gate.
    await status.filter({ hasText: /^2 of 3 videos analysed · 1 (analysing|waiting)…$/ }).waitFor();
    assert.equal(await offer.getByRole('heading').textContent(), PLAYLIST.title);
    assert.match(await offer.textContent() ?? '', /1 video was skipped \(private, deleted or live\)\./);
    assert.match(await offer.textContent() ?? '', /(Working out the time left|left)/, 'the time left');
    await shoot(popup, 'across-02-playlist-analysing');
    const collection = (await client.listCollections()).find((c) => c.source === `https://www.youtube.com/playlist?list=${PLAYLIST.id}`);
    assert.ok(collection, 'the engine made the playlist\'s collection');
    assert.equal(collection.jobIds.length, 3, 'one job per video, the two analysed before reused');
    assert.deepEqual(collection.skipped.map((s) => s.videoId), ['privateVid5']);
    release();
    await status.filter({ hasText: 'Done: 3 of 3 videos analysed.' }).waitFor({ timeout: 60_000 });
    assert.equal(await offer.getByRole('progressbar').getAttribute('value'), '100');
    assert.doesNotMatch(await offer.textContent() ?? '', / left/, 'no time left once done');
    assert.equal(await offer.getByRole('link', { name: 'Open the collection page' }).getAttribute('href'), `${service.url}/collections/${collection.id}`);
    await shoot(popup, 'across-03-playlist-done');
    await popup.close();

    // 4. A video played in the playlist: the popup shows that playlist's analysis again, and the channel now has 3 videos.
    await page.goto(`https://www.youtube.com/watch?v=newsMon0001&list=${PLAYLIST.id}`);
    await page.locator('ytd-video-owner-renderer a').waitFor();
    popup = await openPopup();
    await popup.getByRole('region', { name: 'This playlist' }).getByRole('status').filter({ hasText: 'Done: 3 of 3 videos analysed.' }).waitFor();
    await popup.getByRole('region', { name: 'This channel so far' }).locator('.ext-channel__headline').filter({ hasText: /over 3 videos$/ }).waitFor();
    await shoot(popup, 'across-04-watch-in-playlist');
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context?.close().catch(() => undefined);
    await youtube?.close();
    await service?.close();
    await rm(tmp, { recursive: true, force: true });
  }
});
