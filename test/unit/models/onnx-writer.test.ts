import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { encodeModel, type Graph } from '../../../models/onnx-writer.js';

async function runGraph(graph: Graph, feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType> {
  const session = await ort.InferenceSession.create(encodeModel({ graph, opsetVersion: 13 }));
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}

test('a Conv + Relu graph round-trips through onnxruntime with hand-computed outputs', async () => {
  // 3x3 input, one 2x2 filter, bias -10, no padding: out[y][x] = sum(in window * filter) - 10, then Relu.
  const graph: Graph = {
    name: 'conv_relu',
    nodes: [
      { op: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: [{ name: 'kernel_shape', kind: 'ints', value: [2, 2] }] },
      { op: 'Relu', inputs: ['c'], outputs: ['y'] },
    ],
    initializers: [
      { name: 'w', dims: [1, 1, 2, 2], data: Float32Array.from([1, 2, 3, 4]) },
      { name: 'b', dims: [1], data: Float32Array.from([-10]) },
    ],
    inputs: [{ name: 'x', shape: [1, 1, 3, 3] }],
    outputs: [{ name: 'y', shape: [1, 1, 2, 2] }],
  };
  const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, -9]);
  const out = await runGraph(graph, { x: new ort.Tensor('float32', x, [1, 1, 3, 3]) });
  // (1*1+2*2+4*3+5*4)-10 = 27; (2+6+15+24)-10 = 37; (4+10+21+32)-10 = 57; (5+12+24-36)-10 = -5 → 0.
  assert.deepEqual(Array.from(out['y']!.data as Float32Array), [27, 37, 57, 0]);
  assert.deepEqual(out['y']!.dims, [1, 1, 2, 2]);
});

test('symbolic batch, grouped conv, explicit pads, int64 initializers, negative ints and float attributes', async () => {
  const graph: Graph = {
    name: 'mixed',
    nodes: [
      // Depthwise 1x1 conv (group = 2) that doubles channel 0 and negates channel 1, padded by one pixel after.
      {
        op: 'Conv',
        inputs: ['x', 'dw'],
        outputs: ['d'],
        attributes: [
          { name: 'group', kind: 'int', value: 2 },
          { name: 'kernel_shape', kind: 'ints', value: [1, 1] },
          { name: 'pads', kind: 'ints', value: [0, 0, 1, 1] },
        ],
      },
      { op: 'Reshape', inputs: ['d', 'shape'], outputs: ['flat'] },
      { op: 'LeakyRelu', inputs: ['flat'], outputs: ['y'], attributes: [{ name: 'alpha', kind: 'float', value: 0.25 }] },
    ],
    initializers: [
      { name: 'dw', dims: [2, 1, 1, 1], data: Float32Array.from([2, -1]) },
      { name: 'shape', dims: [2], data: BigInt64Array.from([-1n, 8n]) },
    ],
    inputs: [{ name: 'x', shape: ['N', 2, 1, 1] }],
    outputs: [{ name: 'y', shape: ['N', 8] }],
  };
  const x = Float32Array.from([3, 4, 5, -6]); // batch of 2, channels (3, 4) and (5, -6)
  const out = await runGraph(graph, { x: new ort.Tensor('float32', x, [2, 2, 1, 1]) });
  // Each 1x1 channel becomes 2x2 with zeros after: [v, 0, 0, 0]; channel 1 is negated, then LeakyRelu(0.25).
  assert.deepEqual(Array.from(out['y']!.data as Float32Array), [6, 0, 0, 0, -1, 0, 0, 0, 10, 0, 0, 0, 6, 0, 0, 0]);
  assert.deepEqual(out['y']!.dims, [2, 8]);
});

test('Gemm + Softmax with a 300-wide dimension (multi-byte varints) matches a hand computation', async () => {
  const width = 300;
  const w = new Float32Array(width * 2);
  for (let i = 0; i < width; i++) w[i * 2 + 1] = 0.01; // logit 1 = 0.01 * sum(x), logit 0 = 0
  const graph: Graph = {
    name: 'gemm_softmax',
    nodes: [
      { op: 'Gemm', inputs: ['x', 'w', 'b'], outputs: ['z'] },
      { op: 'Softmax', inputs: ['z'], outputs: ['p'], attributes: [{ name: 'axis', kind: 'int', value: 1 }] },
    ],
    initializers: [
      { name: 'w', dims: [width, 2], data: w },
      { name: 'b', dims: [2], data: Float32Array.from([0.5, 0]) },
    ],
    inputs: [{ name: 'x', shape: [1, width] }],
    outputs: [{ name: 'p', shape: [1, 2] }],
  };
  const out = await runGraph(graph, { x: new ort.Tensor('float32', new Float32Array(width).fill(1), [1, width]) });
  const [p0, p1] = Array.from(out['p']!.data as Float32Array);
  const expected1 = Math.exp(3) / (Math.exp(0.5) + Math.exp(3));
  assert.ok(Math.abs(p1! - expected1) < 1e-6, `p1 ${p1} vs ${expected1}`);
  assert.ok(Math.abs(p0! + p1! - 1) < 1e-6);
});

test('a tensor whose data does not fill its dims is refused', () => {
  const graph: Graph = {
    name: 'bad',
    nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }],
    initializers: [{ name: 'w', dims: [2, 2], data: new Float32Array(3) }],
    inputs: [{ name: 'x', shape: [1] }],
    outputs: [{ name: 'y', shape: [1] }],
  };
  assert.throws(() => encodeModel({ graph, opsetVersion: 13 }), /w: dims 2x2 need 4 values, got 3/);
});
