/**
 * The content script on the ways the real watch page differs from the plain fake one (issue 13):
 * an inactive metadata copy first, `#actions` rebuilt after load and on resize, a narrow window, an
 * ad then the video (with a hover preview playing), a hidden error panel left in place, and the
 * player's default, theatre, fullscreen and mini-player modes. One browser, one engine and one real
 * analysis for them all; each variant is its own subtest. Screenshots go to test-artifacts/extension/.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Report } from '../../../shared/src/report.js';
import { buildExtension } from '../../../extension/build.js';
import { makeCertificate, startFakeYouTube, type FakeVideo, type FakeYouTube, type PageVariant } from './fake-youtube.js';
import { ANALYSIS_TIMEOUT_MS, CLIP, findSkipReason, launchWithExtension, readLabel, SECOND_CLIP, shoot, SHOTS, startEngine, waitForLabel, type Browser, type Engine } from './harness.js';

const MAIN = 'hamiltonA01';
const AD = 'comicShop02';
const REMOVED = 'removedVid4';
const VIDEOS: FakeVideo[] = [
  { id: MAIN, title: 'Hamilton at the White House (test clip)', file: CLIP },
  { id: AD, title: 'An advertisement (test clip)', file: SECOND_CLIP },
  { id: REMOVED, title: 'A removed video', file: null },
];
/** The button's state for the analysed video (tagging under way). */
const READY = /^Ready to tag$/;
/** Long enough for the content script to have acted on a page change it was going to act on. */
const SETTLE_MS = 1200;
/** Where "show me" asks the player to go during the ad, in seconds. */
const SHOW_AT = 4;

type FakeYouTubeWindow = { fakeYouTube: { rebuilds: number; framesWithoutButton: number; rebuildActions(): void; endAd(): void; navigate(id: string): void } };

test('extension on the real page\'s variants: metadata copies, rebuilt actions, narrow window, ads, hidden errors, player modes', { skip: findSkipReason(), timeout: 900_000 }, async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'onscreen-variants-e2e-'));
  let engine: Engine | null = null;
  let youtube: FakeYouTube | null = null;
  let browser: Browser | null = null;
  const errors: string[] = [];
  try {
    await mkdir(SHOTS, { recursive: true });
    const { dir: extensionDir } = await buildExtension(join(tmp, 'dist'));
    engine = await startEngine(tmp, VIDEOS);
    youtube = await startFakeYouTube(VIDEOS, await makeCertificate(tmp));
    browser = await launchWithExtension(join(tmp, 'profile'), extensionDir, youtube.port);
    const { context, worker } = browser;
    const { client, service, token } = engine;
    type StorageApi = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await worker.evaluate(
      (settings) => (globalThis as unknown as StorageApi).chrome.storage.local.set({ settings }),
      { serverUrl: service.url, token, name: 'Variant tester' },
    );

    // One real analysis, tagged through the API as a person would accept the suggestions: a report
    // with people on screen, for the button's state and the strip on every variant.
    const created = await client.createJob({ url: `https://www.youtube.com/watch?v=${MAIN}`, requester: 'browser-extension e2e' });
    const analysed = await withTimeout(client.watchJob(created.id, () => undefined), ANALYSIS_TIMEOUT_MS, 'the analysis');
    assert.equal(analysed.status, 'tagging', `the analysis ended ${analysed.status}`);
    await client.acceptSuggestions(created.id, 'Variant tester');
    const report = await client.getReport(created.id);
    assert.ok(report.timeline.bins.some((bin) => bin.female || bin.male), 'someone tagged is on screen: the strip has marks to draw');

    /** Runs `body` on a new tab of the watch page in `variant` (and its parameters), closed after. */
    const visit = async (variant: PageVariant | `${PageVariant}&${string}`, body: (page: Page) => Promise<void>): Promise<void> => {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`${variant}: ${error.message}`));
      try {
        await page.goto(`https://www.youtube.com/watch?v=${MAIN}${variant === 'plain' ? '' : `&variant=${variant}`}`);
        await body(page);
      } finally {
        await page.close();
      }
    };

    await t.test('an inactive copy of the metadata comes first: the button goes in the active one, and shows', async () => {
      await visit('inactive-metadata', async (page) => {
        await waitForLabel(page, READY);
        const where = await page.evaluate(() => [...document.querySelectorAll('onscreen-analyze')].map((host) => ({
          isActive: host.closest('ytd-watch-metadata')?.classList.contains('watch-active-metadata') ?? false,
          isShown: host.checkVisibility(),
        })));
        await shoot(page, 'variant-inactive-metadata');
        assert.deepEqual(where, [{ isActive: true, isShown: true }]);
      });
    });

    await t.test('#actions rebuilt after load: the button comes back at once, with its state, never missing a frame', async () => {
      await visit('plain', async (page) => {
        await waitForLabel(page, READY);
        await page.evaluate(() => {
          const page = window as unknown as FakeYouTubeWindow;
          page.fakeYouTube.rebuildActions();
        });
        await page.waitForTimeout(300);
        // Twice more in a row: it keeps up, and nothing loops.
        await page.evaluate(() => {
          const page = window as unknown as FakeYouTubeWindow;
          page.fakeYouTube.rebuildActions();
          page.fakeYouTube.rebuildActions();
        });
        await page.waitForTimeout(SETTLE_MS);
        const state = await page.evaluate(() => ({
          rebuilds: (window as unknown as FakeYouTubeWindow).fakeYouTube.rebuilds,
          framesWithoutButton: (window as unknown as FakeYouTubeWindow).fakeYouTube.framesWithoutButton,
          buttons: document.querySelectorAll('onscreen-analyze').length,
          isInActions: document.querySelector('onscreen-analyze')?.parentElement?.id === 'actions',
          label: document.querySelector('onscreen-analyze')?.shadowRoot?.querySelector('.os-label')?.textContent ?? null,
        }));
        await shoot(page, 'variant-actions-rebuilt');
        assert.deepEqual(state, { rebuilds: 3, framesWithoutButton: 0, buttons: 1, isInActions: true, label: 'Ready to tag' });
      });
    });

    await t.test('a narrow window: after YouTube rebuilds the actions for the new width, the button sits on the like row', async () => {
      await visit('plain', async (page) => {
        await waitForLabel(page, READY);
        await page.setViewportSize({ width: 480, height: 860 });
        await page.waitForFunction(() => (window as unknown as FakeYouTubeWindow).fakeYouTube.rebuilds >= 1);
        await page.waitForTimeout(SETTLE_MS);
        // (No named functions in here: the test runner's transform would name them with a helper the page lacks.)
        const layout = await page.evaluate(() => {
          const host = document.querySelector('onscreen-analyze');
          const rects = [host?.shadowRoot?.querySelector('button'), ...document.querySelectorAll('ytd-watch-metadata #actions .pill')].map((element) => {
            const rect = element?.getBoundingClientRect();
            return rect ? { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom } : null;
          });
          return {
            viewport: window.innerWidth,
            framesWithoutButton: (window as unknown as FakeYouTubeWindow).fakeYouTube.framesWithoutButton,
            button: rects[0] ?? null,
            isShown: host?.checkVisibility() ?? false,
            pills: rects.slice(1),
          };
        });
        await shoot(page, 'variant-narrow-window');
        assert.equal(layout.isShown, true, 'the button is in the page and shown');
        assert.equal(layout.framesWithoutButton, 0, 'no frame without the button');
        const { button, pills } = layout;
        assert.ok(button && button.left >= 0 && button.right <= layout.viewport, `the button is inside the window (${JSON.stringify(button)})`);
        const like = pills[0];
        assert.ok(like, 'the like button is there');
        const centre = (b: { top: number; bottom: number }) => (b.top + b.bottom) / 2;
        assert.ok(Math.abs(centre(button) - centre(like)) < 2, `the button is on the like row (${JSON.stringify({ button, like })})`);
        assert.ok(pills.every((pill) => pill && (pill.left >= button.right || pill.right <= button.left)), 'the button covers none of the row');
      });
    });

    await t.test('an ad, then the video: no strip and no seek while the ad plays; then the seek, and marks on the video\'s own duration', async () => {
      await visit(`ad&ad=${AD}`, async (page) => {
        await waitForLabel(page, READY);
        // The ad's clip is loaded in the main player, and a hover preview plays beside it.
        await page.waitForFunction((ad) => {
          const video = document.querySelector<HTMLVideoElement>('#movie_player video');
          return video !== null && video.src.endsWith(`/${ad}.mp4`) && video.readyState >= 1;
        }, AD);
        await page.waitForTimeout(SETTLE_MS);
        const duringAd = await page.evaluate(() => document.querySelector('#onscreen-strip')?.checkVisibility() ?? false);
        await shoot(page, 'variant-ad-playing');
        // No strip over the ad, and the ad's endless duration does not make the video live.
        assert.deepEqual({ isStripShown: duringAd, label: await readLabel(page) }, { isStripShown: false, label: 'Ready to tag' }, 'while the ad plays');

        // "Show me" during the ad: the ad is not seeked; the video is, once it is back.
        type TabsApi = { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>>; sendMessage(id: number, message: unknown): Promise<unknown> } } };
        const answer = await worker.evaluate(async (seconds) => {
          const { tabs } = (globalThis as unknown as TabsApi).chrome;
          const [tab] = await tabs.query({ url: 'https://www.youtube.com/watch?v=*' });
          return tab?.id === undefined ? null : tabs.sendMessage(tab.id, { type: 'seekTo', seconds });
        }, SHOW_AT);
        assert.deepEqual(answer, { afterAd: SHOW_AT });
        assert.ok((await page.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')?.currentTime ?? -1)) < 1, 'the ad was not seeked');
        await page.evaluate(() => (window as unknown as FakeYouTubeWindow).fakeYouTube.endAd());
        await page.waitForFunction((at) => {
          const video = document.querySelector<HTMLVideoElement>('#movie_player video');
          return Boolean(video && !video.src.includes('comicShop02') && Math.abs(video.currentTime - at) < 0.25 && video.paused);
        }, SHOW_AT, { timeout: 10_000 });
        const main = await page.waitForFunction((id) => {
          const video = document.querySelector<HTMLVideoElement>('#movie_player video');
          return video?.src.endsWith(`/${id}.mp4`) && video.readyState >= 1 ? video.duration : null;
        }, MAIN);
        const seconds = (await main.jsonValue()) ?? Number.NaN;
        const expected = firstMarkPercents(report, seconds);
        await page.waitForFunction((percents) => {
          const strip = document.querySelector<HTMLElement>('#onscreen-strip');
          const mark = strip?.querySelector<HTMLElement>('div');
          const lane = mark?.className === 'onscreen-strip__female' ? 'female' : 'male';
          return Boolean(strip?.checkVisibility() && mark && Math.abs(parseFloat(mark.style.left) - (percents[lane] ?? -1)) < 0.01);
        }, expected, { timeout: 10_000 });
        await page.locator('#movie_player').screenshot({ path: join(SHOTS, 'variant-ad-over-strip-back.png') });
      });
    });

    await t.test('a hidden error panel left in the player: the video still reads as a video; a removed one does not', async () => {
      await visit('hidden-error', async (page) => {
        await waitForLabel(page, READY, 8000);
        await shoot(page, 'variant-hidden-error');
        await page.evaluate((id) => (window as unknown as FakeYouTubeWindow).fakeYouTube.navigate(id), REMOVED);
        await waitForLabel(page, /^No video to analyse$/, 8000);
        await page.evaluate((id) => (window as unknown as FakeYouTubeWindow).fakeYouTube.navigate(id), MAIN);
        await waitForLabel(page, READY, 8000);
      });
    });

    await t.test('the player\'s modes: the strip is shown and covers no control in default, theatre, fullscreen and mini-player', async () => {
      await visit('player-modes', async (page) => {
        await waitForLabel(page, READY);
        await page.locator('#movie_player').scrollIntoViewIfNeeded();
        // Every mode is measured, and all are reported together.
        const layouts: Record<string, Omit<StripLayout, 'marks'> & { hasMarks: boolean }> = {};
        const measure = async (mode: string): Promise<void> => {
          const { marks, ...where } = await waitForStripClear(page, mode);
          layouts[mode] = { ...where, hasMarks: marks > 0 };
        };
        await measure('default');
        await page.locator('.ytp-size-button').click();
        await measure('theatre');
        await page.locator('.ytp-size-button').click();
        await page.locator('.ytp-fullscreen-button').click();
        await page.waitForFunction(() => document.fullscreenElement !== null);
        await measure('fullscreen');
        await page.evaluate(() => document.exitFullscreen());
        await page.waitForFunction(() => document.fullscreenElement === null);
        await page.locator('.ytp-miniplayer-button').click();
        await measure('mini-player');
        await page.locator('.ytp-miniplayer-expand').click();
        await measure('default again');
        // The plain page's player too, whose controls start 7 px under the bar.
        await visit('plain', async (plain) => {
          await waitForLabel(plain, READY);
          const { marks, ...where } = await waitForStripClear(plain, 'plain page');
          layouts['plain page'] = { ...where, hasMarks: marks > 0 };
        });
        const clear = { isShown: true, isInsidePlayer: true, covered: [], hasMarks: true };
        assert.deepEqual(layouts, { default: clear, theatre: clear, fullscreen: clear, 'mini-player': clear, 'default again': clear, 'plain page': clear });
      });
    });

    await t.test("the popup's compact list: one short line a person, tagged with the page's keys", async () => {
      const popup = await context.newPage();
      popup.on('pageerror', (error) => errors.push(`popup: ${error.message}`));
      try {
        await popup.setViewportSize({ width: 580, height: 600 });
        await popup.goto(browser?.extensionPage(`popup.html?job=${encodeURIComponent(created.id)}`) ?? '');
        await popup.getByRole('button', { name: 'List', exact: true }).click();
        const rows = popup.locator('.ext-row');
        await rows.first().waitFor();
        const people = (await client.getPeople(created.id)).people;
        assert.equal(await rows.count(), people.length, 'one line a person');
        const heights = await rows.evaluateAll((all) => all.map((row) => row.getBoundingClientRect().height));
        assert.ok(heights.every((height) => height <= 41), `lines of at most 40 px (${heights.join(', ')}): 12 people take 480 px`);
        await popup.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.ext-row__face')].every((face) => face.style.backgroundImage.startsWith('url("data:image')));
        await popup.screenshot({ path: join(SHOTS, 'variant-popup-compact-list.png') });

        // The page's keys: M tags the focused person male; ↓ moves to the next; U tags unknown.
        // Typed in one go, the U while the M is still being saved: no key is lost.
        const first = Number(await rows.nth(0).getAttribute('data-person'));
        await rows.nth(0).focus();
        const tagOf = async (id: number) => (await client.getPeople(created.id)).people.find((p) => p.id === id)?.tag;
        if (people.length === 1) await popup.keyboard.press('m');
        if (people.length > 1) {
          await popup.evaluate(() => {
            for (const key of ['m', 'ArrowDown', 'u']) document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
          });
          const second = Number(await rows.nth(1).getAttribute('data-person'));
          assert.equal(await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['person']), String(second));
          await rows.nth(1).locator('button[aria-pressed="true"]', { hasText: '?' }).waitFor();
          assert.equal(await tagOf(second), 'unknown');
        }
        await rows.nth(0).locator('button[aria-pressed="true"]', { hasText: 'M' }).waitFor();
        assert.equal(await tagOf(first), 'male');
        // The choice is remembered: the popup opens as the list next time.
        await popup.reload();
        await popup.locator('.ext-row').first().waitFor();
      } finally {
        await popup.close();
      }
    });

    assert.deepEqual(errors, [], 'no page threw');
  } finally {
    await browser?.context.close();
    await youtube?.close();
    await engine?.service.close();
    await rm(tmp, { recursive: true, force: true });
  }
});

/** Where each lane's first mark should sit on a player of `seconds`, in percent of the bar. */
function firstMarkPercents(report: Report, seconds: number): Partial<Record<'female' | 'male', number>> {
  assert.ok(Number.isFinite(seconds) && seconds > 0, `the video's duration (${seconds})`);
  const percents: Partial<Record<'female' | 'male', number>> = {};
  for (const lane of ['female', 'male'] as const) {
    const first = report.timeline.bins.find((bin) => bin[lane]);
    if (first) percents[lane] = (first.t / seconds) * 100;
  }
  return percents;
}

interface StripLayout {
  isShown: boolean;
  isInsidePlayer: boolean;
  marks: number;
  covered: string[];
}

/** The strip's layout once it is shown inside the player over no control, or after 5 s, what it was then. */
async function waitForStripClear(page: Page, mode: string): Promise<StripLayout> {
  let last: StripLayout = { isShown: false, isInsidePlayer: false, marks: 0, covered: [] };
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    last = await page.evaluate((): StripLayout => {
      const strip = document.querySelector('#onscreen-strip');
      const player = document.querySelector('#movie_player');
      if (!strip || !player) return { isShown: false, isInsidePlayer: false, marks: 0, covered: [] };
      const s = strip.getBoundingClientRect();
      const p = player.getBoundingClientRect();
      const controls = [...player.querySelectorAll('.ytp-chrome-controls, .ytp-miniplayer-buttons')].filter((c) => c.checkVisibility());
      return {
        isShown: strip.checkVisibility() && s.height > 0,
        isInsidePlayer: s.top >= p.top && s.bottom <= p.bottom && s.left >= p.left && s.right <= p.right,
        marks: strip.querySelectorAll('div').length,
        covered: controls.filter((c) => {
          const r = c.getBoundingClientRect();
          return r.top < s.bottom && r.bottom > s.top && r.left < s.right && r.right > s.left;
        }).map((c) => c.className),
      };
    });
    if (last.isShown && last.isInsidePlayer && last.marks > 0 && last.covered.length === 0) break;
    await page.waitForTimeout(150);
  }
  await page.screenshot({ path: join(SHOTS, `variant-player-${mode.replace(/\W+/g, '-')}.png`) });
  return last;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
