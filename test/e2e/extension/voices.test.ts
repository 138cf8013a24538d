/**
 * Who is heard in the popup (issue 14), in headless Chromium with the built extension, the fake
 * YouTube watch page and the real engine service, its analysis replaced by the tiny one with speech
 * (0.5–2.5 s Person 0 speaking, 3–5 s Person 1, 6–8 s an off-screen voice v2). "Hear" seeks the
 * YouTube player to the voice's first words; "Who speaks" sets the speaker of a stretch to a person
 * and the person's speaking time follows; a voice is tagged by ear. Every change is read back
 * through the API. Screenshots go to test-artifacts/extension/.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { buildExtension } from '../../../extension/build.js';
import { makeTinySpokenAnalysis } from '../../medium/service/helpers/tiny-speech.js';
import { makeCertificate, startFakeYouTube, type FakeVideo, type FakeYouTube } from './fake-youtube.js';
import { CLIP, findSkipReason, launchWithExtension, shoot, SHOTS, startEngine, type Engine } from './harness.js';

const VIDEO: FakeVideo = { id: 'spokenVid07', title: 'Who is heard (test clip)', file: CLIP };

test('popup: "Hear" seeks the player to a voice\'s first words; "Who speaks" corrects a speaker; a voice is tagged by ear', { skip: findSkipReason(), timeout: 180_000 }, async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'onscreen-voices-e2e-'));
  let engine: Engine | null = null;
  let youtube: FakeYouTube | null = null;
  let context: BrowserContext | null = null;
  const errors: string[] = [];
  try {
    await mkdir(SHOTS, { recursive: true });
    const { dir: extensionDir } = await buildExtension(join(tmp, 'dist'));
    engine = await startEngine(tmp, [VIDEO], new Map(), async () => makeTinySpokenAnalysis('talk.mp4', Buffer.from('voice sample')));
    const { client, service, token } = engine;
    youtube = await startFakeYouTube([VIDEO], await makeCertificate(tmp));
    const browser = await launchWithExtension(join(tmp, 'profile'), extensionDir, youtube.port);
    context = browser.context;
    type StorageApi = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await browser.worker.evaluate((settings) => (globalThis as unknown as StorageApi).chrome.storage.local.set({ settings }), { serverUrl: service.url, token, name: 'Voice tester' });

    const created = await client.createJob({ url: `https://www.youtube.com/watch?v=${VIDEO.id}`, requester: 'browser-extension e2e' });
    const job = await client.watchJob(created.id, () => undefined);
    assert.equal(job.status, 'tagging');

    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`watch page: ${error.message}`));
    await page.goto(`https://www.youtube.com/watch?v=${VIDEO.id}`);
    await page.locator('video').evaluate((video: HTMLVideoElement) => new Promise((done) => (video.readyState >= 1 ? done(null) : video.addEventListener('loadedmetadata', done))));

    const popup = await context.newPage();
    popup.on('pageerror', (error) => errors.push(`popup: ${error.message}`));
    await popup.setViewportSize({ width: 580, height: 1400 });
    await popup.goto(browser.extensionPage(`popup.html?job=${job.id}`));
    await popup.getByRole('button', { name: 'List', exact: true }).click();
    const v2 = popup.locator('.os-voice[data-voice="v2"]');
    await v2.waitFor();
    assert.match(await v2.innerText(), /Suggested: woman 62% \(a weak cue from pitch and spectrum\)/);
    assert.match(await popup.locator('.os-voices__caveat').innerText(), /151 Hz/);
    // Each person's speaking time beside their screen time.
    assert.equal(await popup.locator('.ext-row[data-person="0"] .ext-row__speaking').innerText(), 'speaks 2 s');
    await shoot(popup, '30-popup-voices-and-who-speaks');

    // "Hear" v2: the player goes to its first words (6 s).
    await v2.getByRole('button', { name: /^Hear voice v2/ }).click();
    await page.waitForFunction((t) => Math.abs((document.querySelector('video')?.currentTime ?? -99) - t) < 0.25, 6);
    await page.bringToFront();
    await shoot(page, '31-hear-seeks-the-player');
    await popup.bringToFront();

    // The voice-over was in fact Person 0 speaking: "Who speaks" credits them, and their time follows.
    const rows = popup.locator('.os-speaks__row');
    assert.deepEqual(await rows.locator('.os-speaks__who').allInnerTexts(), ['Person 0', 'Person 1', 'off screen']);
    await popup.getByLabel('Who speaks 0:06–0:08').selectOption({ label: 'Person 0' });
    await popup.waitForFunction(() => [...document.querySelectorAll('.os-speaks__who')].map((e) => e.textContent).join('|') === 'Person 0|Person 1|Person 0');
    await popup.locator('.ext-row[data-person="0"] .ext-row__speaking').filter({ hasText: 'speaks 4 s' }).waitFor();
    const corrected = await client.getPeople(job.id);
    assert.deepEqual(corrected.speech?.map((s) => [s.start, s.end, s.person]), [[0.5, 2.5, 0], [3, 5, 1], [6, 8, 0]]);
    assert.equal(corrected.people.find((p) => p.id === 0)?.speakingSeconds, 4);
    const correction = (await client.history(job.id)).edits.at(-1);
    assert.deepEqual([correction?.kind, correction?.onBehalfOf], ['speaker', 'Voice tester']);

    // Tagged by ear from the popup.
    await v2.getByRole('button', { name: 'Female', exact: true }).click();
    await v2.locator('.os-card__origin').filter({ hasText: 'Counts as female' }).waitFor();
    assert.equal((await client.getPeople(job.id)).voices?.find((v) => v.id === 'v2')?.tag, 'female');
    await shoot(popup, '32-popup-speaker-corrected');
    assert.deepEqual(errors, []);
  } finally {
    await context?.close();
    await youtube?.close();
    await engine?.service.close();
    await rm(tmp, { recursive: true, force: true });
  }
});
