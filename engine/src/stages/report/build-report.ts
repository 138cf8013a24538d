/** report.json from an analysis and its tagging history: pure, so it can be recomputed after every tag. */
import type { Analysis, Edit } from '../../../../shared/src/analysis.js';
import { REPORT_SCHEMA_VERSION, type Report } from '../../../../shared/src/report.js';
import { applyEdits } from '../people/edits.js';
import { indexAnalysis } from './analysis-index.js';
import { DEFINITIONS } from './definitions.js';
import { computeStatistics } from './statistics.js';

/** Where the chart images sit, relative to the report (and the analysis folder). */
export const CHART_FILES = { share: 'charts/share.png', timeline: 'charts/timeline.png', persons: 'charts/persons.png' } as const;

export function buildReport(analysis: Analysis, edits: readonly Edit[], now: Date): Report {
  const persons = applyEdits(analysis, edits);
  const { video, sampling } = analysis;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    video: { duration: video.duration, width: video.width, height: video.height, source: video.source, title: video.title },
    sampling: { fps: sampling.fps, samples: sampling.times.length, cuts: sampling.cuts.length },
    ...computeStatistics(analysis, indexAnalysis(analysis), persons),
    definitions: { ...DEFINITIONS },
    charts: { ...CHART_FILES },
  };
}
