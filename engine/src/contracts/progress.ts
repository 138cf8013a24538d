import type { JobProgress } from '../../../shared/src/api/types.js';

export type { JobProgress };

/** Where the analysis reports its progress (a JobProgress, as the API shows it); the CLI draws it, the service stores it on the job. */
export type ProgressListener = (progress: JobProgress) => void;
