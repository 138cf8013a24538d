/**
 * How the faces stage reaches its models without knowing how sessions are made: the caller hands in a
 * `RunModel` (the ONNX adapter in production, a recorded or fake runner in tests).
 */
export type FaceModelId = 'detector' | 'landmarks' | 'embedder' | 'age-gender';

export interface TensorData {
  data: Float32Array;
  dims: readonly number[];
}

export type RunModel = (id: FaceModelId, feeds: Record<string, TensorData>) => Promise<Record<string, TensorData>>;

/** Reads a named output, failing with the model's name when the graph does not have it. */
export function pickOutput(outputs: Record<string, TensorData>, name: string, model: FaceModelId): TensorData {
  const output = outputs[name];
  if (!output) throw new Error(`${model} model gave no output named "${name}" (has: ${Object.keys(outputs).join(', ')})`);
  return output;
}
