/**
 * Builds the extension: `npm run build:extension` → dist/extension/ (load it unpacked) and
 * dist/onscreen-extension.zip (publish it). One source for Chromium and Firefox (MV3).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { drawIcon, ICON_SIZES } from './icons.js';
import { writeZip } from './zip.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

export interface BuildResult {
  dir: string;
  zip: string;
  version: string;
}

export async function buildExtension(outRoot = join(root, 'dist')): Promise<BuildResult> {
  const dir = join(outRoot, 'extension');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'styles'), { recursive: true });
  mkdirSync(join(dir, 'icons'), { recursive: true });

  await build({
    entryPoints: {
      background: join(here, 'src/background/index.ts'),
      content: join(here, 'src/content/index.ts'),
      popup: join(here, 'src/popup/index.tsx'),
      options: join(here, 'src/options/index.tsx'),
    },
    outdir: dir,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });

  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  for (const page of ['popup.html', 'options.html']) copyFileSync(join(here, 'static', page), join(dir, page));
  copyFileSync(join(here, 'static/extension.css'), join(dir, 'styles/extension.css'));
  copyFileSync(join(root, 'shared/src/ui/styles.css'), join(dir, 'styles/shared.css'));
  for (const size of ICON_SIZES) writeFileSync(join(dir, `icons/icon-${size}.png`), drawIcon(size));

  const zip = join(outRoot, 'onscreen-extension.zip');
  const entries = listFiles(dir).map((path) => ({ name: relative(dir, path).split('\\').join('/'), data: readFileSync(path) }));
  writeFileSync(zip, writeZip(entries));
  return { dir, zip, version };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildExtension();
  console.log(`onscreen extension ${result.version}: ${relative(process.cwd(), result.dir)}/ and ${relative(process.cwd(), result.zip)}`);
}
