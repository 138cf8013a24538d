/**
 * The processor both runners use: one analysis of one video, in a scratch folder that is
 * removed afterwards whatever happens. The same `analyzeVideo` as `onscreen analyze`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANALYZE_OPTIONS } from '../../../shared/src/analysis.js';
import type { AnalysisProcessor } from './job-queue.js';

export interface ProcessorSettings {
  /** Where scratch folders go. */
  workRoot: string;
  /** Let user URLs reach private networks (configuration; off by default). */
  allowPrivateNetwork: boolean;
}

export function createAnalysisProcessor(settings: ProcessorSettings): AnalysisProcessor {
  return async (task, { signal, onProgress }) => {
    await mkdir(settings.workRoot, { recursive: true });
    // Loaded on first use: an API server that hands every job to Redis workers never loads the models.
    const { analyzeVideo } = await import('../services/analysis/analyze-video.js');
    const workDir = await mkdtemp(join(settings.workRoot, `${task.jobId}-`));
    try {
      return await analyzeVideo({
        source: task.source,
        options: { ...DEFAULT_ANALYZE_OPTIONS, fps: task.options.fps, allowPrivateNetwork: task.isTrustedSource || settings.allowPrivateNetwork },
        workDir,
        signal,
        onProgress,
      });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}
