import type { Analysis } from '../../../shared/src/analysis.js';
import type { TrackEmbeddings } from './track-embeddings.js';

/** What an analysis hands back (a worker through the queue, the CLI to its folder): the analysis and the files beside it. */
export interface AnalysisResult {
  analysis: Analysis;
  /** Thumbnail JPEGs by their path relative to the analysis folder (as in `clusters[].thumbnail`). */
  thumbnails: Map<string, Buffer>;
  /** Voice samples (.m4a) by their path relative to the analysis folder (as in `voices[].sample`); absent in older results. */
  voiceSamples?: Map<string, Buffer>;
  /** One face signature per track (`embeddings.json`), for a people library; absent in older results. */
  embeddings?: TrackEmbeddings;
  /** How much model work the faces stage did (for the benchmark): samples, samples the detector ran on, its views (whole picture and tiles), landmark runs, faces embedded, gender estimates. */
  work?: { samples: number; detections: number; detectorViews: number; landmarkRuns: number; embeddings: number; genders: number };
}
