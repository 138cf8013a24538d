/**
 * The engine's adapters bound to its settings: which ffmpeg to run, where the models are, how many
 * threads inference may use. The composition root of each process that analyses (the CLI's main,
 * the server's analysis child, the BullMQ worker's sandbox) builds one from its EngineConfig and
 * hands it down to the use cases; no adapter holds settings of its own.
 */
import type { EngineConfig } from '../config/engine.config.js';
import { Ffmpeg } from '../adapters/ffmpeg.adapter.js';
import { OnnxModels } from '../adapters/onnx.adapter.js';

export interface Engine {
  readonly ffmpeg: Ffmpeg;
  readonly models: OnnxModels;
}

/** The settings an Engine is built from (the part of EngineConfig the adapters use). */
export type EngineSettings = Pick<EngineConfig, 'ffmpeg' | 'modelsDir' | 'onnxThreads'>;

/** Unset settings take the adapters' defaults (ffmpeg found on PATH or bundled, models/weights, a thread per core up to 4). */
export function createEngine(settings: Partial<EngineSettings> = {}): Engine {
  return {
    ffmpeg: new Ffmpeg(settings.ffmpeg ?? null),
    models: new OnnxModels({ modelsDir: settings.modelsDir, intraOpNumThreads: settings.onnxThreads }),
  };
}
