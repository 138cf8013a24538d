/**
 * Real: the installed detector and embedder, whose batch dimension the fetch step frees
 * (models/onnx-batch.ts). A batch of different pictures must give, item by item, what each
 * picture gives alone; and the transform must leave a batch-1 model's weights and ops alone.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { getModelEntry } from '../../../engine/src/adapters/models/manifest.js';
import { OnnxModels } from '../../../engine/src/adapters/onnx.adapter.js';
import { freeBatchDimension } from '../../../models/onnx-batch.js';
import { encodeModel } from '../../../models/onnx-writer.js';

/** The models in models/weights, on the default settings. */
const sessions = new OnnxModels();

const installed = await sessions.verify();
const skip = installed.some((s) => s.state !== 'ok') ? 'models not installed; run `npx onscreen models fetch`' : false;
after(() => sessions.release());

/** Smooth, different pictures (noise would make every model answer alike). */
function pictures(count: number, channels: number, height: number, width: number): Float32Array {
  const data = new Float32Array(count * channels * height * width);
  for (let n = 0; n < count; n++)
    for (let c = 0; c < channels; c++)
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) data[((n * channels + c) * height + y) * width + x] = Math.sin(x / (7 + 5 * n) + c) * Math.cos(y / (11 + 3 * n) - n);
  return data;
}

for (const id of ['detector', 'embedder'] as const) {
  test(`${id}: a batch of 3 gives each picture's own outputs`, { skip }, async () => {
    const entry = getModelEntry(id);
    assert.equal(entry.input.shape[0], -1, 'the manifest declares a free batch');
    const [, channels, height, width] = entry.input.shape as [number, number, number, number];
    const plane = channels * height * width;
    const batch = pictures(3, channels, height, width);
    const together = await sessions.run(id, { [entry.input.name]: { data: batch, dims: [3, channels, height, width] } });
    for (const output of entry.outputs) {
      const all = together[output.name]!;
      assert.equal(all.dims[0], 3, `${output.name} has the batch first`);
      const size = all.data.length / 3;
      const outputsDiffer = all.data.subarray(0, size).some((v, i) => Math.abs(v - all.data[size + i]!) > 1e-3);
      assert.ok(outputsDiffer, `${output.name}: different pictures give different outputs`);
      for (let n = 0; n < 3; n++) {
        const alone = (await sessions.run(id, { [entry.input.name]: { data: batch.slice(n * plane, (n + 1) * plane), dims: [1, channels, height, width] } }))[output.name]!;
        let worst = 0;
        for (let i = 0; i < size; i++) worst = Math.max(worst, Math.abs(alone.data[i]! - all.data[n * size + i]!));
        assert.ok(worst < 1e-4, `${output.name}, picture ${n}: batch and alone differ by ${worst}`);
      }
    }
  });
}

test('freeing the batch of a model built for batch 1 frees its input, output and reshape, and nothing else', async () => {
  // y = Reshape(x * 2, [1, -1]): a batch of 2 fails before, and works after.
  const bytes = encodeModel({
    opsetVersion: 13,
    graph: {
      name: 'batch-one',
      nodes: [
        { op: 'Mul', inputs: ['x', 'two'], outputs: ['doubled'] },
        { op: 'Reshape', inputs: ['doubled', 'flat'], outputs: ['y'] },
      ],
      initializers: [
        { name: 'two', dims: [], data: Float32Array.of(2) },
        { name: 'flat', dims: [2], data: BigInt64Array.of(1n, -1n) },
      ],
      inputs: [{ name: 'x', shape: [1, 2, 3] }],
      outputs: [{ name: 'y', shape: [1, 6] }],
    },
  });
  const input = (n: number) => new ort.Tensor('float32', Float32Array.from({ length: n * 6 }, (_, i) => i), [n, 2, 3]);
  const fixed = await ort.InferenceSession.create(bytes);
  await assert.rejects(fixed.run({ x: input(2) }));
  const freed = await ort.InferenceSession.create(freeBatchDimension(bytes));
  const { y } = await freed.run({ x: input(2) });
  assert.deepEqual(y!.dims, [2, 6]);
  assert.deepEqual([...(y!.data as Float32Array)], Array.from({ length: 12 }, (_, i) => 2 * i));
});
