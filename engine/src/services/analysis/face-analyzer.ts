/** The faces stage bound to the real model sessions (the ONNX adapter) and the clock. */
import { FACE_MODEL_IDS } from '../../adapters/models/manifest.js';
import type { OnnxModels } from '../../adapters/onnx.adapter.js';
import { createFaceAnalyzer as createStage, type FaceAnalyzer, type FaceAnalyzerOptions } from '../../stages/faces/face-analyzer.js';

export interface BoundFaceAnalyzer extends FaceAnalyzer {
  modelIds: string[];
}

/** Loads every model up front, so a missing or damaged model fails before any decoding starts. */
export async function createFaceAnalyzer(models: OnnxModels, options: Partial<FaceAnalyzerOptions>): Promise<BoundFaceAnalyzer> {
  await Promise.all(FACE_MODEL_IDS.map((id) => models.load(id)));
  const stage = createStage((id, feeds) => models.run(id, feeds), { ...options, clock: () => performance.now() });
  return Object.assign(stage, { modelIds: [...FACE_MODEL_IDS] });
}
