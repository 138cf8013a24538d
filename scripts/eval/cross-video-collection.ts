/**
 * The cross-video collection (issue 9): episodes A and B, each tagged from the truth (B as analysed
 * with A's library), added up into collection.json as `npx onscreen collection report` writes it.
 * Prints its women's and men's shares against the truth (target: within 1.0 point) and whether the
 * total's duration and seconds are the sums over the videos.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis } from '../../shared/src/analysis.js';
import type { CollectionReport } from '../../shared/src/collection.js';
import { GROUPS } from '../../shared/src/report.js';
import { renderCollection, summarizeAnalysis } from '../../engine/src/services/collection.service.js';
import { writeCollectionFiles } from '../../engine/src/storage/collection-folder.js';
import { matchFaces, scoreClusters, type BenchTruth } from './bench-truth.js';
import { clusterIdentities, truthEdits } from './cross-video-score.js';

export interface CollectionEpisode {
  /** The analysis as the collection sees it (B: recognised with A's library). */
  analysis: Analysis;
  truth: BenchTruth;
  /** The day the episode is dated by (given, as with `--date`). */
  date: string;
}

/** Shares within this many points of the truth meet the target. */
const TARGET_POINTS = 1.0;
/** Sums are equal up to float rounding. */
const SUM_TOLERANCE = 1e-6;

export async function printCollection(outDir: string, episodes: readonly CollectionEpisode[]): Promise<void> {
  const summaries = episodes.map((episode) => {
    const matches = matchFaces(episode.analysis, episode.truth);
    const edits = truthEdits(clusterIdentities(episode.analysis, matches), scoreClusters(episode.analysis, episode.truth, matches).truthTags);
    return summarizeAnalysis(episode.truth.label ?? episode.date, episode.analysis, edits, { date: episode.date });
  });
  await writeCollectionFiles(outDir, await renderCollection('bench2/dev episodes A and B', summaries, 'week'));
  const collection = JSON.parse(await readFile(join(outDir, 'collection.json'), 'utf8')) as CollectionReport;

  const duration = sum(episodes.map((e) => e.truth.duration_s));
  const truth = {
    female: sum(episodes.map((e) => e.truth.union.any_woman_visible_s)) / duration,
    male: sum(episodes.map((e) => e.truth.union.any_man_visible_s)) / duration,
  };
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  console.log(`\n### collection of ${collection.videos.length} episodes (tagged from the truth; B as recognised with A's library)`);
  for (const group of ['female', 'male'] as const) {
    const share = collection.total.screenTime[group].share;
    const points = (share - truth[group]) * 100;
    const verdict = Math.abs(points) <= TARGET_POINTS ? 'pass' : 'FAIL';
    console.log(`  ${group === 'female' ? "women's" : "men's"} share: collection.json ${pct(share)}, truth ${pct(truth[group])}, ${points >= 0 ? '+' : ''}${points.toFixed(3)} pts (target within ${TARGET_POINTS.toFixed(1)}): ${verdict}`);
  }
  for (const video of collection.videos) {
    const truthOf = episodes.find((e) => (e.truth.label ?? e.date) === video.id)!.truth;
    const own = (seconds: number) => pct(seconds / truthOf.duration_s);
    console.log(`  ${video.id} (${video.date}, ${video.duration.toFixed(2)} s): women ${pct(video.screenTime.female.share)} (truth ${own(truthOf.union.any_woman_visible_s)}), men ${pct(video.screenTime.male.share)} (truth ${own(truthOf.union.any_man_visible_s)}); ${video.tagging.byPerson} tagged here, ${video.tagging.fromLibrary} recognised`);
  }
  const inBoth = collection.people.filter((p) => p.videos.length > 1).length;
  console.log(`  people across the collection: ${collection.people.length}, of whom ${inBoth} counted once across both episodes (16 people are in both)`);
  for (const line of checkSums(collection)) console.log(`  ${line}`);
}

/** Whether the total's duration and each group's seconds equal the sums over the videos, and the shares follow from them. */
export function checkSums(collection: CollectionReport): string[] {
  const lines: string[] = [];
  const check = (what: string, total: number, summed: number) => {
    const ok = Math.abs(total - summed) <= SUM_TOLERANCE * Math.max(1, summed);
    lines.push(`${what}: total ${total.toFixed(3)}, sum over videos ${summed.toFixed(3)}: ${ok ? 'pass' : 'FAIL'}`);
  };
  check('duration (s)', collection.total.duration, sum(collection.videos.map((v) => v.duration)));
  for (const group of GROUPS) {
    const seconds = collection.total.screenTime[group].seconds;
    check(`${group} seconds`, seconds, sum(collection.videos.map((v) => v.screenTime[group].seconds)));
    check(`${group} share × duration`, collection.total.screenTime[group].share * collection.total.duration, seconds);
  }
  return lines;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
