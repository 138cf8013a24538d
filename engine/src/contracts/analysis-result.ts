import type { Analysis } from '../../../shared/src/analysis.js';

/** What an analysis hands back (a worker through the queue, the CLI to its folder): the analysis and its thumbnails. */
export interface AnalysisResult {
  analysis: Analysis;
  /** Thumbnail JPEGs by their path relative to the analysis folder (as in `clusters[].thumbnail`). */
  thumbnails: Map<string, Buffer>;
}
