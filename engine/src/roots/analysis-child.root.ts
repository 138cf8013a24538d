/**
 * The composition root of the in-process runner's analysis child (child-process.processor.ts forks
 * it): builds the engine from its settings once, the analysis processor from what the server sends,
 * runs one analysis reported over IPC, then exits.
 */
import { OnscreenError } from '../../../shared/src/errors.js';
import { loadEngineConfig } from '../config/engine.config.js';
import type { ChildMessage, ChildRequest } from '../queue/child-process.processor.js';
import { createAnalysisProcessor, type ProcessorSettings } from '../services/analysis/analysis.processor.js';
import { createEngine } from '../services/engine.js';
import { removeLiveScratchSync } from '../storage/scratch-folders.js';

// The server that forked this child is gone: nobody will collect the result.
process.on('disconnect', () => {
  removeLiveScratchSync();
  process.exit(1);
});

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

process.once('message', async ({ task, setup }: ChildRequest<ProcessorSettings>) => {
  try {
    // The engine settings come from the environment the server passed on (its CLI checked them at start).
    const processor = createAnalysisProcessor(createEngine(loadEngineConfig(process.env)), setup);
    const result = await processor(task, {
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
