/**
 * Turns an AnalysisProcessor into a BullMQ sandboxed processor (the default export of the file
 * that a worker's child process loads). Bad input becomes an UnrecoverableError (no retries);
 * transient failures a plain Error (retried with backoff). Both carry "[code] message".
 */
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import type { JobProgress } from '../contracts/progress.js';
import { encodeFailure, toJobFailure } from './job-errors.js';
import type { AnalysisProcessor, AnalysisTask } from './job-queue.js';
import { serializeResult, type SerializedResult } from './result-codec.js';

export type SandboxProcessor = (job: SandboxedJob<AnalysisTask, SerializedResult>, token?: string, signal?: AbortSignal) => Promise<SerializedResult>;

export function createSandboxProcessor(processor: AnalysisProcessor): SandboxProcessor {
  // The worker that forked this child died (SIGKILL): stop rather than finish work nobody collects.
  process.on('disconnect', () => process.exit(1));
  return async (job, _token, signal) => {
    const sendProgress = throttleProgress((progress) => void job.updateProgress({ ...progress }).catch(() => undefined));
    try {
      const result = await processor(job.data, { signal: signal ?? new AbortController().signal, onProgress: sendProgress });
      return serializeResult(result);
    } catch (error) {
      const failure = toJobFailure(error);
      if (failure.code === 'internal') console.error(`job ${job.id}:`, error);
      if (failure.isRetryable) throw new Error(encodeFailure(failure));
      throw new UnrecoverableError(encodeFailure(failure));
    }
  };
}

/** At most one progress message per 500 ms, but every change of stage at once. */
function throttleProgress(send: (progress: JobProgress) => void): (progress: JobProgress) => void {
  let lastAt = 0;
  let lastStage = '';
  return (progress) => {
    const now = Date.now();
    if (progress.stage === lastStage && now - lastAt < 500 && progress.percent < 100) return;
    lastAt = now;
    lastStage = progress.stage;
    send(progress);
  };
}
