/** The faces stage: frames in, `DetectedFace[]` out. Models are reached through a `RunModel` the caller hands in. */
export { createFaceAnalyzer, DEFAULT_FACE_ANALYZER_OPTIONS, FACE_STEPS } from './face-analyzer.js';
export type { AnalyzeFrameOptions, FaceAnalyzer, FaceAnalyzerOptions } from './face-analyzer.js';
export type { FaceModelId, RunModel, TensorData } from './face-models.js';
export { cosineOf } from './embedder.js';
