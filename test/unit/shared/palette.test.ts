/**
 * One palette (shared/src/palette.ts): the page's CSS variables say the same colours, and no other
 * source file spells a palette colour out (a copy would drift, as the chart's grey once did).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { COLOURS } from '../../../shared/src/palette.js';

const repo = new URL('../../../', import.meta.url).pathname;
const PALETTE_FILE = 'shared/src/palette.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [relative(repo, path)] : [];
  });
}

test('the page CSS variables are the palette', () => {
  const css = readFileSync(join(repo, 'shared/src/ui/styles.css'), 'utf8');
  const variable = (name: string) => /--os-[a-z]+:\s*(#[0-9a-f]{6})/i.exec(css.slice(css.indexOf(`--os-${name}:`)))?.[1]?.toUpperCase();
  assert.equal(variable('female'), COLOURS.female);
  assert.equal(variable('male'), COLOURS.male);
  assert.equal(variable('unknown'), COLOURS.unknown);
  assert.equal(variable('notface'), COLOURS.notFace);
});

test('no source file but the palette spells out the group colours', () => {
  const colours = [COLOURS.female, COLOURS.male, COLOURS.unknown, COLOURS.notFace, '#8C8C8C'].map((c) => c.toLowerCase());
  const files = ['engine/src', 'bot/src', 'extension', 'shared/src'].flatMap((dir) => sources(join(repo, dir)));
  assert.ok(files.length > 100, `${files.length} files read`);
  const copies = files.filter((file) => file !== PALETTE_FILE && colours.some((c) => readFileSync(join(repo, file), 'utf8').toLowerCase().includes(c)));
  assert.deepEqual(copies, []);
});
