import assert from 'node:assert/strict';
import { test } from 'node:test';
import { padSame } from '../../../models/age-gender.graph.js';
import { decodeTfjsWeights, type WeightGroup } from '../../../models/tfjs-weights.js';

test('uint8-quantised and float32 weights decode across shards as tfjs does (q * scale + min)', () => {
  const manifest: WeightGroup[] = [
    {
      paths: ['a.bin', 'b.bin'],
      weights: [
        { name: 'q', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
        { name: 'f', shape: [2], dtype: 'float32' },
      ],
    },
  ];
  const floats = Buffer.alloc(8);
  floats.writeFloatLE(1.5, 0);
  floats.writeFloatLE(-2.25, 4);
  // The float weight straddles the two shards, as tfjs allows.
  const all = Buffer.concat([Buffer.from([0, 1, 255]), floats]);
  const shards: Record<string, Uint8Array> = { 'a.bin': all.subarray(0, 5), 'b.bin': all.subarray(5) };
  const weights = decodeTfjsWeights(manifest, (p) => shards[p]!);
  assert.deepEqual(Array.from(weights.get('q')!.values), [-1, -0.5, 126.5]);
  assert.deepEqual(Array.from(weights.get('f')!.values), [1.5, -2.25]);
  assert.deepEqual(weights.get('f')!.shape, [2]);
});

test('leftover or missing bytes and unsupported quantisation are reported', () => {
  const one: WeightGroup[] = [{ paths: ['a.bin'], weights: [{ name: 'f', shape: [1], dtype: 'float32' }] }];
  assert.throws(() => decodeTfjsWeights(one, () => new Uint8Array(5)), /1 bytes left over/);
  assert.throws(() => decodeTfjsWeights(one, () => new Uint8Array(3)), /ends inside f/);
  const half: WeightGroup[] = [
    { paths: ['a.bin'], weights: [{ name: 'h', shape: [1], dtype: 'float32', quantization: { dtype: 'float16' } }] },
  ];
  assert.throws(() => decodeTfjsWeights(half, () => new Uint8Array(2)), /float16 quantisation/);
});

test("'same' padding puts the odd pixel after, as TensorFlow does", () => {
  assert.deepEqual(padSame(112, 3, 2), [0, 1]); // entry conv: 112 → 56
  assert.deepEqual(padSame(56, 3, 1), [1, 1]); // separable convs
  assert.deepEqual(padSame(7, 3, 2), [1, 1]); // odd input, stride 2: 7 → 4 needs 2
  assert.deepEqual(padSame(56, 1, 2), [0, 0]); // 1x1 expansion conv needs none
});
