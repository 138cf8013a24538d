import { configureFfmpeg } from '../adapters/ffmpeg.adapter.js';
import { configureOnnx } from '../adapters/onnx.adapter.js';
import type { EngineConfig } from './engine.config.js';

/** Hands the engine settings to the adapters; called once by each entry point. */
export async function applyEngineConfig(config: EngineConfig): Promise<void> {
  await configureOnnx({ modelsDir: config.modelsDir, intraOpNumThreads: config.onnxThreads });
  if (config.ffmpeg) configureFfmpeg(config.ffmpeg);
}
