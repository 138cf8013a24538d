/**
 * The command line's use cases on a plain analysis folder (write an analysis, edit its tags, write
 * its report): the same edit path (people-editor.ts)
 * and the same report renderer (report.service.ts) as a job of the service, and the same lock.
 */
import type { Analysis } from '../../../shared/src/analysis.js';
import type { Report } from '../../../shared/src/report.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import { openAnalysisFolder, readAnalysis, writeAnalysisFolder, writeReportFiles } from '../storage/analysis-folder.js';
import { pendingActions, type PendingActions } from '../stages/people/edits.js';
import { recordEdits, type EditOutcome, type EditRequest } from './people-editor.js';
import { renderHistoryReport } from './report.service.js';

export type { EditOutcome, EditRequest };

/** Records `requests` in the folder's tags.json as `by`: all or nothing. */
export function editFolder(dir: string, requests: readonly EditRequest[], by: string, now: Date = new Date()): Promise<EditOutcome> {
  return recordEdits(openAnalysisFolder(dir), requests, { by, at: now.toISOString() });
}

/** What undo and redo would act on now in the folder (the edits of one action each), or null. */
export async function pendingFolderActions(dir: string): Promise<PendingActions> {
  const history = openAnalysisFolder(dir);
  const [analysis, edits] = await Promise.all([history.readAnalysis(), history.readEdits()]);
  return pendingActions(analysis, edits);
}

/** Renders the report of the folder's analysis with its current tags and writes every file of it. */
export async function writeFolderReport(dir: string): Promise<Report> {
  const rendered = await renderHistoryReport(openAnalysisFolder(dir));
  await writeReportFiles(dir, rendered);
  return rendered.report;
}

export function readFolderAnalysis(dir: string): Promise<Analysis> {
  return readAnalysis(dir);
}

/** Writes a fresh analysis into the folder; earlier tags are kept aside (returns their path, or null). */
export function writeFolderAnalysis(dir: string, result: AnalysisResult): Promise<string | null> {
  return writeAnalysisFolder(dir, result);
}
