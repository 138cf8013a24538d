/**
 * The composition root of a BullMQ worker's sandboxed processor (the file the worker's child process
 * loads): builds the settings and the engine once, and the real analysis on them. Running it in a
 * child keeps the worker's event loop free during CPU-heavy work, so its job lock keeps being
 * renewed and stalled-job recovery only fires for a worker that really died.
 */
import { loadEngineConfig } from '../config/engine.config.js';
import { loadServiceConfig } from '../config/service.config.js';
import { createSandboxProcessor } from '../queue/bullmq.sandbox.js';
import { createAnalysisProcessor } from '../services/analysis/analysis.processor.js';
import { createEngine } from '../services/engine.js';

const config = loadServiceConfig();
const engine = createEngine(loadEngineConfig(process.env));

export default createSandboxProcessor(
  // The worker points ONSCREEN_SCRATCH_DIR at its own folder (worker-scratch.ts).
  createAnalysisProcessor(engine, { workRoot: config.scratchDir, allowPrivateNetwork: config.allowPrivateNetwork }),
);
