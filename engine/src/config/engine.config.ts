/**
 * Settings of the engine itself (not of the service): where the models are, how many threads
 * inference may use, which ffmpeg to run. Parsed once at start-up from the environment; the
 * entry points apply them to the adapters, which never read process.env themselves.
 */
import { z } from 'zod';
import { OnscreenError } from '../../../shared/src/errors.js';

export interface EngineConfig {
  /** ONSCREEN_MODELS_DIR: folder of the model files (default models/weights in the repository). */
  modelsDir: string | undefined;
  /** ONSCREEN_ONNX_THREADS: inference threads per model session, for every model (default: each model's own, see onnx.adapter.ts). */
  onnxThreads: number | undefined;
  /** ONSCREEN_FFMPEG and ONSCREEN_FFPROBE: binaries to use instead of searching PATH and the bundled ones. */
  ffmpeg: { ffmpeg: string; ffprobe: string } | null;
  /** ONSCREEN_LIBRARY: the CLI's people library folder when `--library` is not given (default ./onscreen-library). */
  libraryDir: string | undefined;
}

const schema = z.object({
  ONSCREEN_MODELS_DIR: z.string().min(1).optional(),
  ONSCREEN_ONNX_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  ONSCREEN_FFMPEG: z.string().min(1).optional(),
  ONSCREEN_FFPROBE: z.string().min(1).optional(),
  ONSCREEN_LIBRARY: z.string().min(1).optional(),
});

export function loadEngineConfig(env: NodeJS.ProcessEnv): EngineConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`).join(', ');
    throw new OnscreenError('bad_request', `Bad engine settings in the environment: ${names}.`);
  }
  const { ONSCREEN_MODELS_DIR, ONSCREEN_ONNX_THREADS, ONSCREEN_FFMPEG, ONSCREEN_FFPROBE } = parsed.data;
  if ((ONSCREEN_FFMPEG === undefined) !== (ONSCREEN_FFPROBE === undefined)) {
    throw new OnscreenError('bad_request', 'Set both ONSCREEN_FFMPEG and ONSCREEN_FFPROBE, or neither.');
  }
  return {
    modelsDir: ONSCREEN_MODELS_DIR,
    onnxThreads: ONSCREEN_ONNX_THREADS,
    ffmpeg: ONSCREEN_FFMPEG && ONSCREEN_FFPROBE ? { ffmpeg: ONSCREEN_FFMPEG, ffprobe: ONSCREEN_FFPROBE } : null,
    libraryDir: parsed.data.ONSCREEN_LIBRARY,
  };
}
