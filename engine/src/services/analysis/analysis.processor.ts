/**
 * The analysis use case as the queue's processor: one analysis of one video, in a scratch folder
 * that is removed afterwards whatever happens. The same `analyzeVideo` as `onscreen analyze`.
 * The composition roots of the processes that analyse (the in-process runner's child, the BullMQ
 * worker's sandbox) build it and hand it to the queue: the queue never imports the services.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANALYZE_OPTIONS } from '../../../../shared/src/analysis.js';
import type { AnalysisProcessor } from '../../queue/job-queue.js';
import { trackScratch } from '../../storage/scratch-folders.js';
import type { Engine } from '../engine.js';
import { analyzeVideo } from './analyze-video.js';

export interface ProcessorSettings {
  /** Where scratch folders go. */
  workRoot: string;
  /** Let user URLs reach private networks (configuration; off by default). */
  allowPrivateNetwork: boolean;
}

export function createAnalysisProcessor(engine: Engine, settings: ProcessorSettings): AnalysisProcessor {
  return async (task, { signal, onProgress }) => {
    await mkdir(settings.workRoot, { recursive: true });
    const workDir = await mkdtemp(join(settings.workRoot, `${task.jobId}-`));
    const untrack = trackScratch(workDir);
    try {
      return await analyzeVideo(engine, {
        source: task.source,
        options: { ...DEFAULT_ANALYZE_OPTIONS, fps: task.options.fps, allowPrivateNetwork: task.isTrustedSource || settings.allowPrivateNetwork },
        workDir,
        signal,
        onProgress,
      });
    } finally {
      await rm(workDir, { recursive: true, force: true });
      untrack();
    }
  };
}
