/**
 * The tagging and report page: a small HTML shell that loads page.js and page.css from
 * dist/web/ (built by engine/src/api/web/build.ts, on start when missing).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const WEB_DIR = join(ROOT, 'dist/web');
const FILES = { 'page.js': 'text/javascript; charset=utf-8', 'page.css': 'text/css; charset=utf-8' } as const;
export type AssetName = keyof typeof FILES;

export interface WebAssets {
  shell(): string;
  /** A plain page for a /jobs/ address that cannot be a job (a mistyped or cut link). */
  notFound(): string;
  read(name: AssetName): Promise<{ body: Buffer; contentType: string }>;
}

/** Builds dist/web if a file is missing, then serves it from memory. */
export async function loadWebAssets(dir = WEB_DIR, log: (line: string) => void = () => undefined): Promise<WebAssets> {
  const isMissing = (await Promise.all(Object.keys(FILES).map((name) => stat(join(dir, name)).then(() => false, () => true)))).some(Boolean);
  if (isMissing) {
    log(`building the web page into ${dir}`);
    const { buildWebAssets } = await import('./web/build.js');
    await buildWebAssets({ outDir: dir, minify: true });
  }
  const cache = new Map<AssetName, Buffer>();
  return {
    shell: () => SHELL,
    notFound: () => NOT_FOUND,
    async read(name) {
      let body = cache.get(name);
      if (!body) {
        body = await readFile(join(dir, name));
        cache.set(name, body);
      }
      return { body, contentType: FILES[name] };
    },
  };
}

/** The head every page shares: charset, viewport, no referrer, the page's styles. */
const head = (title: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/assets/page.css">
</head>`;

const SHELL = `${head('onscreen')}
<body>
<div id="app"></div>
<noscript>The onscreen tagging page needs JavaScript.</noscript>
<script type="module" src="/assets/page.js"></script>
</body>
</html>
`;

const NOT_FOUND = `${head('No such video · onscreen')}
<body>
<div class="os-app">
<header class="os-topbar"><a class="os-brand" href="/"><span class="os-brand__mark" aria-hidden="true"></span>onscreen</a></header>
<main class="os-main os-notfound">
<h1>No such video</h1>
<p>This address does not lead to a video: a video's address ends with 20 letters and digits (0–9, a–f). The link may have been cut or mistyped, or the video was deleted.</p>
<p><a class="os-button os-button--primary" href="/">See all videos</a></p>
</main>
</div>
</body>
</html>
`;
