/**
 * Builds the engine's web page into `dist/web/`: page.js (page.tsx bundled with preact) and
 * page.css (the shared UI styles, then the page's layout). The service calls it when dist/web is
 * missing; `npx tsx engine/src/api/web/build.ts [--minify] [outDir]` runs it by hand.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '../../../..');
const STYLES = [join(ROOT, 'shared/src/ui/styles.css'), join(here, 'page.css')];

export interface BuildWebOptions {
  /** Where page.js and page.css go (relative paths are taken from the repository root). */
  outDir?: string;
  minify?: boolean;
}

export interface BuiltWebAssets {
  outDir: string;
  files: string[];
}

export async function buildWebAssets({ outDir = 'dist/web', minify = false }: BuildWebOptions = {}): Promise<BuiltWebAssets> {
  const target = resolve(ROOT, outDir);
  await mkdir(target, { recursive: true });
  await build({
    entryPoints: [join(here, 'page.tsx')],
    outfile: join(target, 'page.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    sourcemap: minify ? false : 'inline',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const css = await Promise.all(STYLES.map((path) => readFile(path, 'utf8')));
  await writeFile(join(target, 'page.css'), css.join('\n'));
  return { outDir: target, files: [join(target, 'page.js'), join(target, 'page.css')] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outDir = args.find((arg) => !arg.startsWith('--'));
  buildWebAssets({ minify: args.includes('--minify'), ...(outDir ? { outDir } : {}) }).then(
    ({ files }) => console.log(`Built ${files.join(', ')}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
