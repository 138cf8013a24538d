/**
 * The tagging page's "Who speaks" list (issue 14) in headless Chromium, against the real engine
 * service (in-process queue; the tiny analysis made in code, with speech: 0.5–2.5 s Person 0 seen
 * speaking, 3–5 s Person 1, 6–8 s off screen). Correcting a span to off screen, undoing it, and
 * crediting off-screen speech to a person each change the report's speaking time as read through
 * the API.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ServiceHandle } from '../../../engine/src/api/start-service.js';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { SpeakingTime } from '../../../shared/src/report.js';
import { makeTinySpokenAnalysis } from '../../medium/service/helpers/tiny-speech.js';
import { closeAll, openSignedIn, skipWithoutChromium as skip, startPageService } from './page-harness.js';

const SHOTS = join(fileURLToPath(new URL('../../../', import.meta.url)), 'test-artifacts/who-speaks');

/** Seconds of speech per place and group, rounded to a tenth, for comparing. */
function split(time: SpeakingTime | undefined): Record<string, number> {
  assert.ok(time, 'the report has speaking time');
  const r = (n: number): number => Math.round(n * 10) / 10;
  return {
    seenFemale: r(time.onScreen.female.seconds), seenMale: r(time.onScreen.male.seconds), seen: r(time.onScreen.seconds),
    offMale: r(time.offScreen.male.seconds), offUntagged: r(time.offScreen.untagged.seconds), off: r(time.offScreen.seconds),
    total: r(time.total),
  };
}

/** Waits for the row of `span` to name `who` as the speaker. */
async function rowSays(page: Page, span: string, who: string): Promise<void> {
  await page.locator('.os-speaks__row').filter({ hasText: span }).filter({ has: page.locator('.os-speaks__who', { hasText: who }) }).waitFor();
}

async function rows(page: Page): Promise<string[]> {
  return (await page.locator('.os-speaks__row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

test('the page lists who speaks and corrects a span to off screen and to a person', { skip, timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-who-speaks-'));
  const handles: { service?: ServiceHandle; browser?: Browser; page?: Page } = {};
  try {
    const processor = async () => makeTinySpokenAnalysis('talk.mp4', Buffer.from('not played in this test'));
    const service = (handles.service = await startPageService(dataDir, processor, { host: '127.0.0.1', retentionDays: 0 }));
    const token = service.tokens.create('who-speaks-page');
    const client = new OnscreenClient({ baseUrl: service.url, token });
    const job = await client.watchJob((await client.uploadJob(new Uint8Array(1024).map((_, i) => i % 7), 'talk.mp4')).id, () => {});
    assert.equal(job.status, 'tagging');
    await client.tag(job.id, 0, 'female');
    await client.tag(job.id, 1, 'male');
    const before = split((await client.getReport(job.id)).speakingTime);
    assert.deepEqual(before, { seenFemale: 2, seenMale: 2, seen: 4, offMale: 0, offUntagged: 2, off: 2, total: 6 });

    const { browser, page, errors: pageErrors } = await openSignedIn(`${service.url}/jobs/${job.id}`, token, 'Ana Reporter', SHOTS);
    Object.assign(handles, { browser, page });
    await page.locator('.os-speaks__row').first().waitFor();
    assert.deepEqual(await rows(page), [
      '0:00–0:02 Person 0 2 s, voice v0 Off screen Person 0 Person 1 Person 2',
      '0:03–0:05 Person 1 2 s, voice v1 Off screen Person 0 Person 1 Person 2',
      '0:06–0:08 off screen 2 s, voice v2 Off screen Person 0 Person 1 Person 2',
    ]);

    // Person 1 was not the one speaking at 0:03–0:05: off screen. Their voice still counts as male.
    await page.getByLabel('Who speaks 0:03–0:05').selectOption({ label: 'Off screen' });
    await rowSays(page, '0:03–0:08', 'off screen');
    assert.deepEqual((await rows(page)).map((row) => row.replace(/ Off screen Person.*/, '')), ['0:00–0:02 Person 0 2 s, voice v0', '0:03–0:08 off screen 4 s, voice v1, v2']);
    assert.deepEqual(split((await client.getReport(job.id)).speakingTime), { ...before, seenMale: 0, seen: 2, offMale: 2, off: 4 });
    const stored = (await client.history(job.id)).edits.flatMap((e) => (e.kind === 'speaker' ? [{ start: e.start, end: e.end, person: e.person, by: e.by }] : []));
    assert.deepEqual(stored, [{ start: 3, end: 5, person: null, by: 'who-speaks-page' }]);

    // Undo takes it back, as for a tag.
    await page.getByRole('button', { name: /^Undo: .*speaker of 0:03–0:05 to off screen/ }).click();
    await rowSays(page, '0:03–0:05', 'Person 1');
    assert.deepEqual(split((await client.getReport(job.id)).speakingTime), before);

    // The voice-over at 0:06–0:08 is credited to Person 0, seen speaking: it counts for women on screen.
    await page.getByLabel('Who speaks 0:06–0:08').selectOption({ label: 'Person 0' });
    await rowSays(page, '0:06–0:08', 'Person 0');
    assert.deepEqual(split((await client.getReport(job.id)).speakingTime), { ...before, seenFemale: 4, seen: 6, offUntagged: 0, off: 0 });
    assert.equal((await client.getPeople(job.id)).people.find((p) => p.id === 0)?.speakingSeconds, 4);
    await page.locator('.os-speaks').screenshot({ path: join(SHOTS, 'who-speaks.png') });
    assert.deepEqual(pageErrors, []);
  } finally {
    await closeAll(handles, SHOTS, dataDir);
  }
});
