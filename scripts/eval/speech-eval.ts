/**
 * `npm run eval -- --only heard`: who is heard, on ../shared/eval/heard/dev. Analyses the video (or
 * reads the analysis kept in --cache), scores its speech against the truth and prints the figures
 * beside the issue's targets (held-out video: at least 95% of speech found, at most 10% of
 * voice-over seconds credited to a face, at most 10% of a two-shot's speech to the silent listener).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis } from '../../shared/src/analysis.js';
import { scoreHeardShare, type HeardShareFigures } from './heard-share-score.js';
import { scoreSpeech, type HeardTruth, type SpeechFigures } from './speech-score.js';
import { analyzeForEval } from './video-eval.js';

export async function evaluateSpeech(evalDir: string, cacheDir?: string): Promise<void> {
  const dir = join(evalDir, 'heard', 'dev');
  if (!existsSync(join(dir, 'heard.mp4'))) {
    console.log('\n## heard/dev: SKIPPED (heard.mp4 not found)');
    return;
  }
  const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as HeardTruth;
  const { analysis, wallSeconds } = await analysisOf(join(dir, 'heard.mp4'), cacheDir);
  console.log(`\n## heard/dev (who is heard): ${analysis.video.duration.toFixed(1)} s of video${wallSeconds === null ? ' (analysis from the cache)' : ` in ${wallSeconds.toFixed(1)} s`}`);
  const t = analysis.timings;
  if (t.speech !== undefined) console.log(`  speech path ${t.speech.toFixed(1)} s of the analysis (voice model ${(t['speech.vad'] ?? 0).toFixed(1)} s, mouths ${(t['speech.mouths'] ?? 0).toFixed(1)} s)`);
  printSpeechFigures(scoreSpeech(analysis, truth), analysis);
  printShareFigures(scoreHeardShare(analysis, truth));
}

async function analysisOf(video: string, cacheDir?: string): Promise<{ analysis: Analysis; wallSeconds: number | null }> {
  const cached = cacheDir ? join(cacheDir, 'heard-analysis.json') : null;
  if (cached && existsSync(cached)) return { analysis: JSON.parse(await readFile(cached, 'utf8')) as Analysis, wallSeconds: null };
  const result = await analyzeForEval(video);
  if (cacheDir && cached) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cached, JSON.stringify(result.analysis));
  }
  return result;
}

export function printSpeechFigures(f: SpeechFigures, analysis: Analysis): void {
  const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : 'n/a');
  const s = (x: number) => `${x.toFixed(1)} s`;
  console.log(`  sound: ${analysis.sound?.status ?? 'absent'}; ${analysis.speech?.length ?? 0} pieces of speech`);
  console.log(`  speech found: ${s(f.foundSeconds)} found, ${s(f.trueSeconds)} true; recall ${pct(f.recall, 1)} (target >= 95%), precision ${pct(f.precision, 1)}`);
  console.log(`  speakers seen (${s(f.seen.seconds)} of their speech found): right person ${s(f.seen.right)} (${pct(f.seen.right, f.seen.seconds)}), wrong person ${s(f.seen.wrong)} (${pct(f.seen.wrong, f.seen.seconds)}), off screen ${s(f.seen.offScreen)} (${pct(f.seen.offScreen, f.seen.seconds)})`);
  console.log(`  voice-overs: ${s(f.voiceOver.creditedToFace)} of ${s(f.voiceOver.seconds)} credited to a face on screen = ${pct(f.voiceOver.creditedToFace, f.voiceOver.seconds)} (target <= 10%)`);
  console.log(`  two-shots: ${s(f.twoShot.toListener)} of ${s(f.twoShot.seconds)} given to the silent listener = ${pct(f.twoShot.toListener, f.twoShot.seconds)} (target <= 10%); to the speaker ${pct(f.twoShot.toSpeaker, f.twoShot.seconds)}`);
}

/** The women's share of gendered speech, as the report gives it after tagging, beside the truth's (target: within 2.0 points from the truth's tags). */
export function printShareFigures(f: HeardShareFigures): void {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  const points = (x: number | null) => (x === null || f.truthShare === null ? 'n/a' : `${((x - f.truthShare) * 100).toFixed(1)} points`);
  const line = (label: string, m: HeardShareFigures['fromTruth']) =>
    `  women's share of speech, ${label}: ${pct(m.femaleShare)} (${points(m.femaleShare)} from the truth); ${m.untaggedSeconds.toFixed(1)} s of ${m.totalSeconds.toFixed(1)} s untagged`;
  console.log(`  women's share of gendered speech in the truth: ${pct(f.truthShare)}`);
  console.log(`${line('people and voices tagged from the truth', f.fromTruth)} (target within 2.0 points)`);
  console.log(line('suggestions accepted', f.suggestionsAccepted));
}
