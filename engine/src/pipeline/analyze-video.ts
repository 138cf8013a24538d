/**
 * The whole analysis of one video, in pipeline order:
 *   source → frames → faces → tracks → people (clusters, suggestions, thumbnails)
 * The report is not part of it: it is computed from the analysis and the tags, any number of times.
 * Used by the CLI (`onscreen analyze`), the in-process runner and the BullMQ worker alike.
 */
import type { Analysis, AnalyzeOptions } from '../../../shared/src/analysis.js';
import type { ProgressListener } from './progress.js';

export interface AnalyzeRequest {
  /** A local file path, an http(s) media URL or a YouTube URL. */
  source: string;
  options: AnalyzeOptions;
  /** A scratch folder this call may use for downloads; the caller removes it. */
  workDir: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface AnalysisResult {
  analysis: Analysis;
  /** Thumbnail JPEGs by their path relative to the analysis folder (as in `clusters[].thumbnail`). */
  thumbnails: Map<string, Buffer>;
}

export async function analyzeVideo(request: AnalyzeRequest): Promise<AnalysisResult> {
  void request;
  throw new Error('analyzeVideo: not yet implemented');
}
