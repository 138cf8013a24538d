/**
 * Collections: reports across a body of work. One use case for every entry point: summarise each
 * analysis once (as a job finishes, or from a folder), then build the collection from the summaries.
 */
import type { CollectionReport, DateSource, VideoSummary } from '../../../shared/src/collection.js';
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { renderChart } from '../adapters/chart-renderer.js';
import { buildCollection } from '../stages/collection/build-collection.js';
import { collectionChartSpecs } from '../stages/collection/collection-charts.js';
import { buildCollectionCsv } from '../stages/collection/collection-csv.js';
import { buildCollectionHtml, type CollectionCharts } from '../stages/collection/collection-html.js';
import { normaliseDay, type PeriodKind } from '../stages/collection/periods.js';
import { summarizeVideo } from '../stages/collection/video-summary.js';
import { applyEdits } from '../stages/people/edits.js';
import { buildReport } from '../stages/report/build-report.js';
import { readAnalysis, readEdits } from '../storage/analysis-folder.js';
import { writeCollectionFiles } from '../storage/collection-folder.js';

export interface RenderedCollection {
  collection: CollectionReport;
  csv: string;
  html: string;
  charts: CollectionCharts;
}

/** The day a video is dated by: a date a person gave, else the video's own (upload, file metadata), else the day it was analysed. */
export function dateOf(analysis: Analysis, given?: string): { date: string; dateSource: DateSource } {
  if (given !== undefined) {
    const day = normaliseDay(given);
    if (!day) throw new OnscreenError('bad_request', `"${given}" is not a date: write it as YYYY-MM-DD, for example 2026-03-14.`);
    return { date: day, dateSource: 'given' };
  }
  const published = analysis.video.published;
  const day = published ? normaliseDay(published.date) : null;
  if (published && day) return { date: day, dateSource: published.from === 'youtube' ? 'youtube-upload' : 'file-metadata' };
  return { date: analysis.createdAt.slice(0, 10), dateSource: 'analysed' };
}

/** One analysis with its tagging history, summed up for collections. */
export function summarizeAnalysis(id: string, analysis: Analysis, edits: readonly Edit[], options: { date?: string; now?: Date } = {}): VideoSummary {
  const report = buildReport(analysis, edits, options.now ?? new Date());
  // A remembered (library) or named person counts once across the collection's videos.
  const identities = new Map(applyEdits(analysis, edits).map((p) => [p.id, { name: p.name, libraryPerson: p.known?.person ?? null }] as const));
  const summary = summarizeVideo({ id, report, identities, ...dateOf(analysis, options.date) });
  return analysis.video.channel ? { ...summary, channel: analysis.video.channel } : summary;
}

export async function renderCollection(
  name: string,
  videos: readonly VideoSummary[],
  periodKind: PeriodKind,
  now: Date = new Date(),
  leftOut: Pick<CollectionReport, 'pending' | 'skipped'> = { pending: [], skipped: [] },
): Promise<RenderedCollection> {
  if (videos.length === 0) {
    const waiting = leftOut.pending.length > 0 ? ` (${leftOut.pending.length} still being analysed or failed)` : '';
    throw new OnscreenError('collection_empty', `The collection "${name}" has no analysed videos yet${waiting}: add analyses to it first.`);
  }
  const collection = buildCollection({ name, periodKind, videos, now, ...leftOut });
  const specs = collectionChartSpecs(collection);
  const charts: CollectionCharts = { videos: await renderChart(specs.videos), trend: await renderChart(specs.trend), people: await renderChart(specs.people) };
  return { collection, csv: buildCollectionCsv(collection), html: buildCollectionHtml(collection, charts), charts };
}

export interface FolderCollectionOptions {
  name: string;
  periodKind: PeriodKind;
  /** Dates given by a person, by analysis folder (as resolved paths). */
  dates: ReadonlyMap<string, string>;
}

/** The command line's collection: analysis folders in, the collection's files written to `outDir`. */
export async function writeFolderCollection(outDir: string, analysisDirs: readonly string[], options: FolderCollectionOptions): Promise<CollectionReport> {
  const summaries: VideoSummary[] = [];
  for (const dir of analysisDirs) {
    const analysis = await readAnalysis(dir);
    summaries.push(summarizeAnalysis(dir, analysis, await readEdits(dir), { date: options.dates.get(dir) }));
  }
  const rendered = await renderCollection(options.name, summaries, options.periodKind);
  await writeCollectionFiles(outDir, rendered);
  return rendered.collection;
}
