/**
 * The tagging page's voices (issue 14) in headless Chromium, against the real engine service
 * (in-process queue; the analysis is the tiny one made in code, with speech, voices and real AAC
 * samples made by ffmpeg): each voice has a play button that plays its sample, fetched with the
 * token; the weak-cue caveat and suggestion are shown; tagging a voice goes through; each person
 * shows their speaking time.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { chromium, type Browser } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { startService, type ServiceHandle } from '../../../engine/src/api/start-service.js';
import { buildWebAssets } from '../../../engine/src/api/web/build.js';
import { loadServiceConfig } from '../../../engine/src/config/service.config.js';
import { makeTinySpokenAnalysis } from '../../medium/service/helpers/tiny-speech.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `headless Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

test('the page plays each voice\'s sample, shows its weak suggestion, and tags it', { skip, timeout: 300_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'onscreen-voices-page-'));
  let service: ServiceHandle | null = null;
  let browser: Browser | null = null;
  try {
    const samplePath = join(dir, 'tone.m4a');
    execFileSync(ffmpeg.path, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=2', '-c:a', 'aac', samplePath]);
    const sample = await readFile(samplePath);
    const webDir = join(dir, 'web');
    await buildWebAssets({ outDir: webDir, minify: true });
    const config = loadServiceConfig({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1', retentionDays: 0 }, {});
    service = await startService(config, { webDir, log: () => undefined, processor: async () => makeTinySpokenAnalysis('talk.mp4', sample) });
    const token = service.tokens.create('voices-page');
    const client = new OnscreenClient({ baseUrl: service.url, token });
    const job = await client.watchJob((await client.uploadJob(new Uint8Array(1024).map((_, i) => i % 7), 'talk.mp4')).id, () => {});
    assert.equal(job.status, 'tagging');
    await client.tag(job.id, 0, 'female');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${service.url}/`);
    await page.fill('input[name=token]', token);
    await page.fill('input[name=name]', 'Ana Reporter');
    await page.click('button[type=submit]');
    await page.goto(`${service.url}/jobs/${job.id}`);

    const voices = page.locator('.os-voice');
    await voices.first().waitFor();
    assert.equal(await voices.count(), 3);
    assert.match(await page.locator('.os-voices__caveat').innerText(), /151 Hz.*94 to 145 Hz/);
    const v2 = page.locator('.os-voice[data-voice="v2"]');
    assert.match(await v2.innerText(), /Suggested: .*62%/);
    assert.match(await page.locator('.os-voice[data-voice="v0"]').innerText(), /Counts as female \(from Person 0\)/);
    assert.match(await page.locator('.os-card[data-person="0"] .os-card__time').innerText(), /2 s speaking/);

    // Play: the sample is fetched with the token and plays; a second press pauses.
    await v2.getByRole('button', { name: 'Play voice v2' }).click();
    await v2.getByRole('button', { name: 'Pause voice v2' }).waitFor();
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('.os-voice[data-voice="v2"] audio');
      return audio !== null && !audio.paused && audio.currentTime > 0.2;
    });
    const duration = await v2.locator('audio').evaluate((audio: HTMLAudioElement) => audio.duration);
    assert.ok(Math.abs(duration - 2) < 0.2, `the sample is the 2 s tone, not something else (${duration} s)`);
    await v2.getByRole('button', { name: 'Pause voice v2' }).click();
    await v2.getByRole('button', { name: 'Play voice v2' }).waitFor();

    // Tag it by ear.
    await v2.getByRole('button', { name: 'Male', exact: true }).click();
    await v2.locator('button[aria-pressed="true"]', { hasText: 'Male' }).waitFor();
    assert.equal((await client.getPeople(job.id)).voices?.find((v) => v.id === 'v2')?.tag, 'male');
    // The report column says who is heard and shows "Seen and heard".
    await page.locator('.os-speaking').filter({ hasText: /Speaking time: 6 s of speech/ }).waitFor();
    await page.locator('figure[data-chart="heard"] img').waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close();
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  }
});
