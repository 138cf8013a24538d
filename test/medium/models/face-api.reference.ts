/**
 * face-api's own AgeGenderNet, run through TensorFlow.js's pure-JS CPU backend: the reference the ONNX
 * conversion is checked against. Uses @vladmandic/face-api's "esm-nobundle" build, which imports
 * tfjs-backend-webgl and -wasm as well: node cannot load those here (no WebGL; wasm backend not installed),
 * so a resolve hook replaces them with empty modules, and points tfjs's browser ESM entry at its node entry.
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@tensorflow/tfjs-backend-wasm') || specifier === '@tensorflow/tfjs-backend-webgl/dist/index.js') {
    return { url: 'data:text/javascript,export {}', shortCircuit: true };
  }
  if (specifier === '@tensorflow/tfjs/dist/index.js') return next('@tensorflow/tfjs', context);
  return next(specifier, context);
}`;

export const FACE_API_MODEL_DIR = fileURLToPath(new URL('../../../node_modules/@vladmandic/face-api/model', import.meta.url));
export const FACE_API_WEIGHTS_MANIFEST = join(FACE_API_MODEL_DIR, 'age_gender_model-weights_manifest.json');

export interface ReferenceOutput {
  /** Per image: [p(male), p(female)]. */
  gender: number[][];
  age: number[];
}

/** The little of face-api and tfjs that the reference uses. */
interface TensorLike {
  dataSync(): Float32Array;
}
interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    io: { decodeWeights(buffer: ArrayBuffer, specs: unknown[]): unknown };
    tensor3d(values: Float32Array, shape: [number, number, number]): TensorLike;
    dispose(tensors: TensorLike[]): void;
  };
  AgeGenderNet: new () => {
    loadFromWeightMap(weightMap: unknown): void;
    forward(inputs: TensorLike[]): Promise<{ gender: TensorLike; age: TensorLike }>;
  };
}

export type ReferenceNet = (images: Float32Array[], size: number) => Promise<ReferenceOutput>;

/** Loads face-api with its tfjs weights; the returned function runs its forward pass on HWC RGB 0..255 images. */
export async function loadFaceApiAgeGender(): Promise<ReferenceNet> {
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
  const faceapi = (await import('@vladmandic/face-api/dist/face-api.esm-nobundle.js')) as unknown as FaceApi;
  const tf = faceapi.tf;
  await tf.setBackend('cpu');
  await tf.ready();
  const groups = JSON.parse(readFileSync(FACE_API_WEIGHTS_MANIFEST, 'utf8')) as { paths: string[]; weights: unknown[] }[];
  const group = groups[0]!;
  const bin = readFileSync(join(FACE_API_MODEL_DIR, group.paths[0]!));
  const weightMap = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length), group.weights);
  const net = new faceapi.AgeGenderNet();
  net.loadFromWeightMap(weightMap);
  return async (images, size) => {
    const inputs = images.map((pixels) => tf.tensor3d(pixels, [size, size, 3]));
    // forward() is face-api's full path: toNetInput → toBatchTensor(112) → normalize(meanRgb).div(255) → net → softmax.
    const out = await net.forward(inputs);
    const genderData = Array.from(out.gender.dataSync());
    const age = Array.from(out.age.dataSync());
    tf.dispose([out.gender, out.age, ...inputs]);
    return { gender: images.map((_, i) => genderData.slice(i * 2, i * 2 + 2)), age };
  };
}
