/**
 * The file a BullMQ worker's child process loads (a sandboxed processor): the real analysis.
 * Running it in a child keeps the worker's event loop free during CPU-heavy work, so its job
 * lock keeps being renewed and stalled-job recovery only fires for a worker that really died.
 */
import { applyEngineConfig } from '../config/apply-engine-config.js';
import { loadEngineConfig } from '../config/engine.config.js';
import { loadServiceConfig } from '../config/service.config.js';
import { createAnalysisProcessor } from './analysis.processor.js';
import { createSandboxProcessor } from './bullmq.sandbox.js';

const config = loadServiceConfig();
// This child process starts fresh: the engine settings (models folder, ffmpeg) are applied here too.
await applyEngineConfig(loadEngineConfig(process.env));

export default createSandboxProcessor(
  // The worker points ONSCREEN_SCRATCH_DIR at its own folder (worker-scratch.ts).
  createAnalysisProcessor({ workRoot: config.scratchDir, allowPrivateNetwork: config.allowPrivateNetwork }),
);
