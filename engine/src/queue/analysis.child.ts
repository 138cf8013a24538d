/** The child process of child-process.processor.ts: one analysis, reported over IPC, then exit. */
import { OnscreenError } from '../../../shared/src/errors.js';
import { applyEngineConfig } from '../config/apply-engine-config.js';
import { loadEngineConfig } from '../config/engine.config.js';
import { removeLiveScratchSync } from '../storage/scratch-folders.js';
import { createAnalysisProcessor } from './analysis.processor.js';
import type { ChildMessage, ChildRequest } from './child-process.processor.js';

// The server that forked this child is gone: nobody will collect the result.
process.on('disconnect', () => {
  removeLiveScratchSync();
  process.exit(1);
});

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

process.once('message', async ({ task, settings }: ChildRequest) => {
  try {
    // This child process starts fresh: the engine settings (models folder, ffmpeg) are applied here too.
    await applyEngineConfig(loadEngineConfig(process.env));
    const result = await createAnalysisProcessor(settings)(task, {
      signal: new AbortController().signal,
      onProgress: (progress) => void send({ kind: 'progress', progress }),
    });
    await send({ kind: 'done', result });
  } catch (error) {
    if (!(error instanceof OnscreenError)) console.error(error);
    await send({ kind: 'failed', error: error instanceof OnscreenError ? { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } : null });
  }
  process.exit(0);
});
