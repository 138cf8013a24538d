/**
 * What the extension's end-to-end tests share: the engine in-process with YouTube URLs mapped to
 * local clips, headless Chromium with the built extension and the fake YouTube on
 * https://www.youtube.com, and reading the button's label.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { OnscreenError, type ErrorCode } from '../../../shared/src/errors.js';
import { parseYouTubeUrl } from '../../../shared/src/youtube-url.js';
import { startService, type ServiceHandle } from '../../../engine/src/api/start-service.js';
import { loadServiceConfig } from '../../../engine/src/config/service.config.js';
import { createAnalysisProcessor } from '../../../engine/src/services/analysis/analysis.processor.js';
import { createEngine } from '../../../engine/src/services/engine.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import type { FakeVideo } from './fake-youtube.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CLIP = resolve(ROOT, '../shared/eval/video/short_hamilton_clip.mp4');
export const SECOND_CLIP = resolve(ROOT, '../shared/eval/video/bbt_comic_shop.mp4');
const WEIGHTS = ['fr_detect.onnx', 'fr_landmark.onnx', 'fr_feature.onnx'].map((name) => join(ROOT, 'models/weights', name));
export const SHOTS = join(ROOT, 'test-artifacts/extension');
export const ANALYSIS_TIMEOUT_MS = 300_000;

/** Why the e2e tests cannot run here, or false. */
export function findSkipReason(): string | false {
  if (!existsSync(CHROMIUM)) return `headless Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(CLIP) || !existsSync(SECOND_CLIP)) return `the evaluation clips under ${resolve(ROOT, '../shared/eval/video')} are absent`;
  if (!WEIGHTS.every((path) => existsSync(path))) return 'the face models are not installed (npx onscreen models fetch)';
  return false;
}

/**
 * The engine's real analysis, with YouTube watch URLs of the fake videos resolved to the local
 * clips (the test has no internet). Uses the service's `processor` override; nothing else changes.
 * `refused` maps video ids to the error the source stage throws for them, as YouTube would.
 */
function localClipProcessor(workRoot: string, videos: readonly FakeVideo[], refused: ReadonlyMap<string, ErrorCode>): AnalysisProcessor {
  const real = createAnalysisProcessor(createEngine(), { workRoot, allowPrivateNetwork: false });
  return (task, context) => {
    const id = parseYouTubeUrl(task.source)?.videoId ?? '';
    const refusal = refused.get(id);
    if (refusal) throw new OnscreenError(refusal);
    const file = videos.find((v) => v.id === id)?.file;
    if (!file) throw new OnscreenError('source_not_found');
    return real({ ...task, source: file, isTrustedSource: true }, context);
  };
}

export interface Engine {
  service: ServiceHandle;
  token: string;
  client: OnscreenClient;
}

/** `processor` replaces the real analysis (a made-up one, for flows that need speech but not a real video's). */
export async function startEngine(tmp: string, videos: readonly FakeVideo[], refused: ReadonlyMap<string, ErrorCode> = new Map(), processor?: AnalysisProcessor): Promise<Engine> {
  // Offline, www.youtube.com resolves to nothing, so the engine's public-address check of the URL
  // is turned off; the processor maps the URLs to local clips anyway.
  const config = loadServiceConfig({ dataDir: join(tmp, 'data'), port: 0, retentionDays: 0, allowPrivateNetwork: true }, {});
  const service = await startService(config, { processor: processor ?? localClipProcessor(join(tmp, 'work'), videos, refused), log: () => undefined });
  const token = service.tokens.create('extension-e2e');
  return { service, token, client: new OnscreenClient({ baseUrl: service.url, token }) };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionPage: (path: string) => string;
}

/** Headless Chromium with the extension loaded; www.youtube.com is the fake, everything else resolves to nothing. */
export async function launchWithExtension(profileDir: string, extensionDir: string, youtubePort: number): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Everything else resolves to nothing: the test must not reach the internet.
      `--host-resolver-rules=MAP www.youtube.com 127.0.0.1:${youtubePort}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionPage: (path) => `chrome-extension://${extensionId}/${path}` };
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export function readLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('onscreen-analyze')?.shadowRoot?.querySelector('.os-label')?.textContent ?? null);
}

export async function waitForLabel(page: Page, expected: RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let label: string | null = null;
  while (Date.now() < deadline) {
    label = await readLabel(page);
    if (label !== null && expected.test(label)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the button says "${label}", not ${expected}`);
}
