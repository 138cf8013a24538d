/**
 * The report from an analysis and its tagging history: figures, CSV, HTML and the three charts.
 * The one renderer the CLI and the HTTP service call, so both produce the same files.
 */
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import type { Report } from '../../../shared/src/report.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { EditHistory } from '../contracts/edit-history.js';
import type { RenderedReport } from '../contracts/rendered-report.js';
import { renderChart, renderCharts } from '../adapters/chart-renderer.js';
import { buildReport } from '../stages/report/build-report.js';
import { chartSpecs } from '../stages/report/chart-specs.js';
import { buildReportCsv } from '../stages/report/report-csv.js';
import { buildReportHtml } from '../stages/report/report-html.js';

export type { RenderedReport };

/** `readThumbnail` gets a path relative to the analysis folder; a thumbnail it cannot read (null or a rejection) is left out of the HTML. */
export async function renderReport(
  analysis: Analysis,
  edits: readonly Edit[],
  readThumbnail: (relativePath: string) => Promise<Buffer | null>,
  now: Date = new Date(),
): Promise<RenderedReport> {
  const report = buildReport(analysis, edits, now);
  const charts = await renderCharts(chartSpecs(report));
  const thumbnails = new Map<string, Buffer>();
  for (const person of report.persons) {
    if (!person.thumbnail || thumbnails.has(person.thumbnail)) continue;
    const bytes = await readThumbnail(person.thumbnail).catch(() => null);
    if (bytes) thumbnails.set(person.thumbnail, bytes);
  }
  return { report, csv: buildReportCsv(report), html: buildReportHtml(report, { charts, thumbnails }), charts };
}

/** The report of an edit history as it stands (a job's or a plain folder's). */
export async function renderHistoryReport(history: EditHistory, now: Date = new Date()): Promise<RenderedReport> {
  const [analysis, edits] = await Promise.all([history.readAnalysis(), history.readEdits()]);
  return renderReport(analysis, edits, (path) => history.readFile(path), now);
}

/** One chart drawn at `width` CSS pixels (twice that in pixels), for a page that shows it at that size. */
export async function renderChartAt(report: Report, name: keyof RenderedReport['charts'], width: number): Promise<Buffer> {
  const spec = chartSpecs(report, width)[name];
  if (!spec) throw new OnscreenError('not_found', `This report has no ${name} chart: the analysis measured no speaking time.`);
  return renderChart(spec);
}
