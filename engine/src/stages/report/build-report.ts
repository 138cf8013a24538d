/** report.json from an analysis and its tagging history: pure, so it can be recomputed after every tag. */
import type { Analysis, Edit } from '../../../../shared/src/analysis.js';
import { REPORT_SCHEMA_VERSION, type Report } from '../../../../shared/src/report.js';
import { editedState } from '../people/edits.js';
import { indexAnalysis } from './analysis-index.js';
import { DEFINITIONS } from './definitions.js';
import { SPEAKING_DEFINITIONS } from './speaking-definitions.js';
import { addSpeakingToBins, speakingTimeOf } from './speaking-time.js';
import { computeStatistics } from './statistics.js';

/** Where the chart images sit, relative to the report (and the analysis folder). */
export const CHART_FILES = { share: 'charts/share.png', timeline: 'charts/timeline.png', persons: 'charts/persons.png' } as const;
/** The speaking-time charts, when the analysis measured speech (issue 14). */
export const SPEECH_CHART_FILES = { heard: 'charts/heard.png', speaking: 'charts/speaking.png' } as const;

export function buildReport(analysis: Analysis, edits: readonly Edit[], now: Date): Report {
  const { persons, speech } = editedState(analysis, edits);
  const { video, sampling } = analysis;
  const statistics = computeStatistics(analysis, indexAnalysis(analysis), persons);
  const base = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    video: { duration: video.duration, width: video.width, height: video.height, source: video.source, title: video.title },
    sampling: { fps: sampling.fps, samples: sampling.times.length, cuts: sampling.cuts.length },
  };
  if (speech === null) return { ...base, ...statistics, definitions: { ...DEFINITIONS }, charts: { ...CHART_FILES } };
  const { binSeconds, bins } = statistics.timeline;
  return {
    ...base,
    ...statistics,
    timeline: { binSeconds, bins: addSpeakingToBins(bins, binSeconds, video.duration, speech) },
    speakingTime: speakingTimeOf(analysis, speech),
    definitions: { ...DEFINITIONS, ...SPEAKING_DEFINITIONS },
    charts: { ...CHART_FILES, ...SPEECH_CHART_FILES },
  };
}
