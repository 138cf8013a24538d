import type { JobStage } from '../../../shared/src/api/types.js';

/** What the pipeline reports while it works; the CLI draws it, the service stores it on the job. */
export interface Progress {
  stage: JobStage;
  /** 0..100 over the whole analysis. */
  percent: number;
  /** Seconds left, or null while unknown. */
  etaSeconds: number | null;
  message: string;
}

export type ProgressListener = (progress: Progress) => void;
