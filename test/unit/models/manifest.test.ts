import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MANIFEST_PATH, MODEL_IDS, parseManifest, readManifest } from '../../../engine/src/adapters/models/manifest.js';

// Meta-test: every declared model is a traceable, checkable artifact with a contract a caller can follow.
test('every model has a checksum, a declared source with its tarball checksum, an input contract and a licence', () => {
  const manifest = readManifest();
  assert.deepEqual(manifest.models.map((m) => m.id).sort(), [...MODEL_IDS].sort());
  for (const model of manifest.models) {
    assert.match(model.sha256, /^[0-9a-f]{64}$/, `${model.id} sha256`);
    const source = manifest.sources.find((s) => s.package === model.source.package && s.version === model.source.version);
    assert.ok(source, `${model.id}: source ${model.source.package}@${model.source.version} declared`);
    assert.match(source.sha256, /^[0-9a-f]{64}$/, `${model.id}: tarball sha256`);
    assert.match(model.source.version, /^\d+\.\d+\.\d+$/, `${model.id}: exact version, never a range`);
    assert.ok(model.licence.length > 0 && model.origin.length > 20, `${model.id}: licence and origin`);
    assert.ok(model.outputs.every((o) => o.meaning.length > 10), `${model.id}: outputs explained`);
    const { input } = model;
    assert.ok(input.crop.length > 20, `${model.id}: input described`);
    if ('kind' in input) {
      assert.equal(model.id, 'vad', 'only the voice model takes sound');
      assert.deepEqual([input.sampleRate, input.window], [16000, 512]);
      continue;
    }
    const channels = input.colour === 'grey' ? 1 : 3;
    assert.equal(input.shape.length, 4, `${model.id}: NCHW shape`);
    assert.equal(input.shape[1], channels, `${model.id}: channel count matches colour`);
    assert.equal(input.normalisation.mean.length, channels);
    assert.equal(input.normalisation.std.length, channels);
    assert.ok(input.crop.length > 20, `${model.id}: crop described`);
    assert.ok(model.outputs.every((o) => o.meaning.length > 10), `${model.id}: outputs explained`);
  }
});

test('the age-gender model is built; the detector and embedder get a free batch; the landmarks are copied as is', () => {
  const builds = { 'age-gender': 'age-gender-onnx', detector: 'free-batch', embedder: 'free-batch', landmarks: 'copy', vad: 'copy' } as const;
  for (const model of readManifest().models) {
    assert.equal(model.source.build, builds[model.id], model.id);
    if (model.source.build !== 'age-gender-onnx') assert.equal(model.source.files.length, 1, model.id);
    // A free batch shows in the declared input shape.
    if (model.id !== 'vad') assert.equal(model.input.shape[0], model.source.build === 'copy' ? 1 : -1, model.id);
  }
});

test('a hand-edited manifest with a missing checksum or an undeclared source is refused with the path', () => {
  const original = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { models: Record<string, unknown>[]; sources: unknown[] };
  const noChecksum = structuredClone(original);
  delete noChecksum.models[0]!['sha256'];
  assert.throws(() => parseManifest(JSON.stringify(noChecksum)), /invalid at models\.0\.sha256/);
  const noSource = structuredClone(original);
  noSource.sources = noSource.sources.slice(0, 1);
  assert.throws(() => parseManifest(JSON.stringify(noSource)), /age-gender comes from @vladmandic\/face-api@1\.7\.15, which is not in "sources"/);
});
