/**
 * Real: the installed age_gender.onnx (through the onnx adapter), face-api's own network on tfjs's CPU
 * backend, the eval photos and the RFB-320 detector. Nothing is mocked.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashBytes } from '../../../engine/src/adapters/models/checksum.js';
import { getImageInput, getModelEntry } from '../../../engine/src/adapters/models/manifest.js';
import { OnnxModels } from '../../../engine/src/adapters/onnx.adapter.js';
import { buildAgeGenderOnnx } from '../../../models/fetch.js';
import { FACE_API_WEIGHTS_MANIFEST, loadFaceApiAgeGender, type ReferenceNet } from './face-api.reference.js';
import { cropFaceApiStyle, detectFaces, hasEvalPhotos, loadRgb, PHOTOS_DIR, pickFace, readIdentities, toInputTensor } from './face-crops.js';

/** The models in models/weights, on the default settings. */
const sessions = new OnnxModels();

const SIZE = 112;
const GENDER_TOLERANCE = 1e-4;
/** Years; the age head is a regression around 20..70, so this is ~1e-5 relative. */
const AGE_TOLERANCE = 1e-3;

const statuses = await sessions.verify();
const missing = statuses.filter((s) => s.state !== 'ok').map((s) => `${s.id} (${s.state})`);
const skipModels = missing.length > 0 ? `models not installed: ${missing.join(', ')}; run \`npx onscreen models fetch\`` : false;

let reference: ReferenceNet;
before(async () => {
  if (!skipModels) reference = await loadFaceApiAgeGender();
});
after(() => sessions.release());

/** Deterministic pseudo-random pixels (mulberry32), so a failure can be reproduced. */
function noise(seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: SIZE * SIZE * 3 }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 256);
  });
}

function syntheticImages(): Float32Array[] {
  const gradient = Float32Array.from({ length: SIZE * SIZE * 3 }, (_, i) => ((i / 3) % SIZE) * (255 / (SIZE - 1)));
  return [noise(1), noise(2), gradient, new Float32Array(SIZE * SIZE * 3), new Float32Array(SIZE * SIZE * 3).fill(255)];
}

/** Runs both networks on the same pixels (one ONNX batch) and returns the largest differences. */
async function compare(images: Float32Array[]): Promise<{ gender: number; age: number; pMale: number[] }> {
  const contract = getImageInput('age-gender');
  const batch = new Float32Array(images.length * SIZE * SIZE * 3);
  images.forEach((img, i) => batch.set(img, i * img.length));
  const onnx = await sessions.run('age-gender', { [contract.name]: toInputTensor(batch, SIZE, SIZE, contract) });
  const ref = await reference(images, SIZE);
  let gender = 0;
  let age = 0;
  images.forEach((_, i) => {
    for (let k = 0; k < 2; k++) gender = Math.max(gender, Math.abs(onnx['gender']!.data[i * 2 + k]! - ref.gender[i]![k]!));
    age = Math.max(age, Math.abs(onnx['age']!.data[i]! - ref.age[i]!));
  });
  return { gender, age, pMale: ref.gender.map((g) => g[0]!) };
}

test('building age_gender.onnx from the installed face-api weights gives the manifest checksum', { skip: skipModels }, async () => {
  const bytes = await buildAgeGenderOnnx(FACE_API_WEIGHTS_MANIFEST);
  assert.equal(hashBytes(bytes), getModelEntry('age-gender').sha256);
});

test('age-gender ONNX matches face-api on synthetic inputs (batch of 5)', { skip: skipModels }, async (t) => {
  const { gender, age, pMale } = await compare(syntheticImages());
  t.diagnostic(`max |Δ gender prob| ${gender.toExponential(2)}, max |Δ age| ${age.toExponential(2)} years`);
  assert.ok(gender <= GENDER_TOLERANCE, `gender differs by ${gender}`);
  assert.ok(age <= AGE_TOLERANCE, `age differs by ${age}`);
  // The comparison is meaningful only if the inputs do not all give the same answer.
  assert.ok(Math.max(...pMale) - Math.min(...pMale) > 0.05, `reference outputs barely vary: ${pMale.join(', ')}`);
});

test('age-gender ONNX matches face-api on real face crops', { skip: skipModels || (!hasEvalPhotos && 'eval photos absent (../shared/eval)') }, async (t) => {
  const detector = getImageInput('detector');
  // Two photos from each source folder, for variety of camera, lighting and size.
  const chosen = readIdentities().filter((it, i, all) => all.findIndex((o) => o.source === it.source) + 2 > i);
  const crops: Float32Array[] = [];
  for (const it of chosen) {
    const img = await loadRgb(join(PHOTOS_DIR, it.file));
    const face = pickFace(await detectFaces(img, detector), it.pick);
    if (face) crops.push(cropFaceApiStyle(img, face, SIZE));
  }
  assert.ok(crops.length >= 8, `only ${crops.length} faces found`);
  const { gender, age } = await compare(crops);
  t.diagnostic(`${crops.length} crops: max |Δ gender prob| ${gender.toExponential(2)}, max |Δ age| ${age.toExponential(2)} years`);
  assert.ok(gender <= GENDER_TOLERANCE, `gender differs by ${gender}`);
  assert.ok(age <= AGE_TOLERANCE, `age differs by ${age}`);
});
