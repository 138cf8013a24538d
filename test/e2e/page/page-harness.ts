/**
 * What the library and collection page tests share: the engine service with its page built into a
 * temporary folder, and headless Chromium on it, signed in with a token, keeping the page's errors.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startService, type ServiceHandle } from '../../../engine/src/api/start-service.js';
import { buildWebAssets } from '../../../engine/src/api/web/build.js';
import { loadServiceConfig } from '../../../engine/src/config/service.config.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';

export const CHROMIUM = '/usr/bin/chromium';
export const skipWithoutChromium = existsSync(CHROMIUM) ? false : `headless Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

/** The service with the page built into `dataDir` (settings: e.g. `{ libraryEnabled: true }`). */
export async function startPageService(dataDir: string, processor: AnalysisProcessor, settings: Record<string, unknown> = {}): Promise<ServiceHandle> {
  await buildWebAssets({ outDir: join(dataDir, 'web'), minify: true });
  const config = loadServiceConfig({ dataDir: join(dataDir, 'data'), port: 0, ...settings }, {});
  return startService(config, { webDir: join(dataDir, 'web'), processor, log: () => undefined });
}

/** Chromium on `url`, signed in as `editor` with `token`; dialogs are accepted; `errors` collects the page's own. */
export async function openSignedIn(url: string, token: string, editor: string, shots: string, width = 1440): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  await mkdir(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(url);
  await page.fill('input[name=token]', token);
  await page.fill('input[name=name]', editor);
  await page.click('button[type=submit]');
  return { browser, page, errors };
}

/** Whatever a test opened: a last screenshot, then the browser, the service and the data folder go. */
export async function closeAll(handles: { service?: ServiceHandle; browser?: Browser; page?: Page }, shots: string, dataDir: string): Promise<void> {
  await handles.page?.screenshot({ path: join(shots, 'zz-last.png') }).catch(() => undefined);
  await handles.browser?.close();
  await handles.service?.close();
  await rm(dataDir, { recursive: true, force: true });
}
