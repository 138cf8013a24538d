/**
 * `npm run eval`: the evaluation on ../shared/eval (labelled photos, the Hamilton clip and the two
 * broadcast-like benchmarks). Prints figures; asserts nothing. Skips, saying so, where the material is absent.
 *
 *   npm run eval [-- --only photos,hamilton,bench,bench2,cross-video,speech] [--cache DIR]
 * --cache DIR keeps the cross-video episodes and their analyses there, to tune without analysing again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateBench, printVideoFigures } from './video-eval.js';
import { evaluateCrossVideo } from './cross-video-eval.js';
import { evaluateHamilton } from './hamilton-eval.js';
import { evaluatePhotos } from './photo-eval.js';
import { evaluateVoices } from './voices-eval.js';

export const EVAL_DIR = new URL('../../../shared/eval', import.meta.url).pathname;
const PARTS = ['photos', 'hamilton', 'bench', 'bench2', 'cross-video', 'speech'] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, cache: { type: 'string' } } });
  const only = new Set(values.only ? values.only.split(',') : PARTS);
  if (!existsSync(EVAL_DIR)) {
    console.log(`SKIPPED: no evaluation material at ${EVAL_DIR} (it lives beside the repository as ../shared/eval).`);
    return;
  }
  console.log(`# onscreen evaluation on ${EVAL_DIR}`);
  if (only.has('photos')) await evaluatePhotos(EVAL_DIR);
  if (only.has('hamilton')) await evaluateHamilton(EVAL_DIR);
  for (const name of ['bench', 'bench2'] as const) {
    if (!only.has(name)) continue;
    const dir = join(EVAL_DIR, name, 'dev');
    if (!existsSync(join(dir, 'bench.mp4'))) console.log(`\n## ${name}/dev: SKIPPED (not found)`);
    else printVideoFigures(await evaluateBench(`${name}/dev`, dir));
  }
  if (only.has('cross-video')) {
    if (!existsSync(join(EVAL_DIR, 'bench2', 'split_episodes.py'))) console.log('\n## cross-video: SKIPPED (bench2/split_episodes.py not found)');
    else await evaluateCrossVideo(EVAL_DIR, values.cache);
  }
  if (only.has('speech')) await evaluateSpeechSection(EVAL_DIR);
}

/** Who is heard (issue 14): each part of the speech section in its own function and file. */
async function evaluateSpeechSection(evalDir: string): Promise<void> {
  console.log('\n# speech (heard/dev)');
  await evaluateVoices(evalDir);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
