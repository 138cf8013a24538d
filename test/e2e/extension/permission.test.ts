/**
 * An engine that is not on this computer: the options page asks the browser for the host
 * permission inside the click, says it waits for the user's answer, and saves nothing until the
 * user allows it. Headless Chromium shows the prompt to nobody, so the request is checked as it
 * stands open; the user's "Deny" is the browser API answering false; and the page's button with
 * settings the browser never allowed says so. No engine is needed: nothing may reach one.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildExtension } from '../../../extension/build.js';
import { makeCertificate, startFakeYouTube, type FakeVideo, type FakeYouTube } from './fake-youtube.js';
import { CLIP, findSkipReason, launchWithExtension, SHOTS, type Browser } from './harness.js';

/** A documentation address (TEST-NET-1): never routed, and no name to resolve. */
const REMOTE_ENGINE = 'http://192.0.2.10:8750';
const REMOTE_ORIGIN = 'http://192.0.2.10/*';
const VIDEOS: FakeVideo[] = [{ id: 'hamiltonA01', title: 'Hamilton at the White House (test clip)', file: CLIP }];

type ChromeApi = {
  chrome: {
    permissions: { contains(p: { origins: string[] }): Promise<boolean>; request(p: { origins: string[] }): Promise<boolean> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  };
};

test('a remote engine: the permission request, waiting for the answer, and the state after a refusal', { skip: findSkipReason(), timeout: 120_000 }, async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'onscreen-permission-e2e-'));
  let youtube: FakeYouTube | null = null;
  let browser: Browser | null = null;
  try {
    await mkdir(SHOTS, { recursive: true });
    const { dir: extensionDir } = await buildExtension(join(tmp, 'dist'));
    youtube = await startFakeYouTube(VIDEOS, await makeCertificate(tmp));
    browser = await launchWithExtension(join(tmp, 'profile'), extensionDir, youtube.port);
    const { context, worker, extensionPage } = browser;
    const storedSettings = () => worker.evaluate(async () => (await (globalThis as unknown as ChromeApi).chrome.storage.local.get('settings'))['settings'] ?? null);
    const fillOptions = async (page: Page): Promise<void> => {
      await page.goto(extensionPage('options.html'));
      await page.fill('input[name=serverUrl]', REMOTE_ENGINE);
      await page.fill('input[name=token]', 'ons_remote-token');
    };

    // 1. The real prompt, which nobody answers here: the page says it waits, and nothing is saved.
    const asking = await context.newPage();
    await fillOptions(asking);
    await asking.getByRole('button', { name: 'Save' }).click();
    await asking.getByText(`Waiting for your answer to the browser: allow onscreen to reach ${REMOTE_ENGINE}?`).waitFor();
    await asking.screenshot({ path: join(SHOTS, 'permission-1-waiting-for-the-prompt.png') });
    assert.equal(await storedSettings(), null, 'nothing is saved before the user answers');
    assert.equal(await worker.evaluate((origin) => (globalThis as unknown as ChromeApi).chrome.permissions.contains({ origins: [origin] }), REMOTE_ORIGIN), false);
    await asking.close();

    // 2. The user says no: the browser API answers false. The request is for the engine's origin
    // (any port), made inside the click; the page says what happened; still nothing is saved.
    const refusing = await context.newPage();
    await refusing.addInitScript(() => {
      const api = (globalThis as unknown as ChromeApi).chrome.permissions;
      const asked: unknown[] = [];
      Object.assign(globalThis, { onscreenAsked: asked });
      api.request = (request) => {
        asked.push({ ...request, isInClick: navigator.userActivation.isActive });
        return Promise.resolve(false);
      };
    });
    await fillOptions(refusing);
    await refusing.getByRole('button', { name: 'Save' }).click();
    await refusing.getByRole('alert').filter({ hasText: `The browser did not allow the extension to reach ${REMOTE_ENGINE}.` }).filter({ hasText: 'Press the button again and choose "Allow".' }).waitFor();
    assert.deepEqual(await refusing.evaluate(() => (globalThis as unknown as { onscreenAsked: unknown[] }).onscreenAsked), [{ origins: [REMOTE_ORIGIN], isInClick: true }]);
    assert.equal(await storedSettings(), null, 'a refusal saves nothing');
    await refusing.screenshot({ path: join(SHOTS, 'permission-2-refused.png') });
    await refusing.close();

    // 3. Settings for an engine the browser does not allow (allowed once, then taken back in the
    // browser's settings): the page's button says what to do instead of failing in silence.
    await worker.evaluate((settings) => (globalThis as unknown as ChromeApi).chrome.storage.local.set({ settings }), { serverUrl: REMOTE_ENGINE, token: 'ons_remote-token' });
    const page = await context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=${VIDEOS[0]?.id}`);
    const button = page.locator('onscreen-analyze button.os-analyze');
    await button.click();
    const bubble = page.locator('onscreen-analyze .os-bubble');
    await bubble.filter({ hasText: `The extension has not been allowed to reach the onscreen engine at ${REMOTE_ENGINE}.` }).filter({ hasText: 'Open Options and press "Save" to allow it.' }).waitFor();
    await bubble.getByRole('button', { name: 'Open onscreen options' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'permission-3-button-not-allowed.png') });
  } finally {
    await browser?.context.close();
    await youtube?.close();
    await rm(tmp, { recursive: true, force: true });
  }
});
