/**
 * The composition roots that run in a process of their own, forked by another: the in-process
 * runner's analysis child (forked by the server) and the BullMQ worker's sandboxed processor
 * (forked by `onscreen worker`). Named here without loading them.
 */
import { fileURLToPath } from 'node:url';
import { createChildProcessProcessor } from '../queue/child-process.processor.js';
import type { AnalysisProcessor } from '../queue/job-queue.js';
import type { ProcessorSettings } from '../services/analysis/analysis.processor.js';

export const ANALYSIS_CHILD_ROOT = fileURLToPath(new URL('./analysis-child.root.ts', import.meta.url));
export const WORKER_SANDBOX_ROOT = fileURLToPath(new URL('./worker-sandbox.root.ts', import.meta.url));

/** The in-process runner's processor: each analysis in a child process that runs analysis-child.root.ts. */
export function createAnalysisChildProcessor(settings: ProcessorSettings): AnalysisProcessor {
  return createChildProcessProcessor({ childFile: ANALYSIS_CHILD_ROOT, workRoot: settings.workRoot, setup: settings });
}
