/**
 * Reads TensorFlow.js weights (a `*-weights_manifest.json` and its `.bin` shards) into plain float32 arrays,
 * dequantising the way tfjs-core's io.decodeWeights does (value = q * scale + min).
 */

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

export interface WeightGroup {
  paths: string[];
  weights: WeightEntry[];
}

export interface DecodedWeight {
  shape: number[];
  values: Float32Array;
}

const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2 };

/**
 * Decodes every weight of a tfjs weights manifest. `readShard` returns the bytes of one path of the manifest;
 * the shards of a group are concatenated, as tfjs does.
 */
export function decodeTfjsWeights(
  manifest: readonly WeightGroup[],
  readShard: (path: string) => Uint8Array,
): Map<string, DecodedWeight> {
  const weights = new Map<string, DecodedWeight>();
  for (const group of manifest) {
    const shards = group.paths.map(readShard);
    const buffer = Buffer.concat(shards);
    let offset = 0;
    for (const entry of group.weights) {
      const count = entry.shape.reduce((n, d) => n * d, 1);
      const { values, bytes } = decodeEntry(entry, buffer, offset, count);
      weights.set(entry.name, { shape: entry.shape, values });
      offset += bytes;
    }
    if (offset !== buffer.length) {
      throw new Error(`tfjs weights: ${buffer.length - offset} bytes left over after the last weight of ${group.paths.join(', ')}`);
    }
  }
  return weights;
}

function decodeEntry(entry: WeightEntry, buffer: Buffer, offset: number, count: number): { values: Float32Array; bytes: number } {
  if (entry.dtype !== 'float32') throw new Error(`tfjs weights: ${entry.name} has dtype ${entry.dtype}; only float32 is supported`);
  const q = entry.quantization;
  if (!q) {
    const bytes = count * 4;
    checkBounds(entry, buffer, offset, bytes);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = buffer.readFloatLE(offset + i * 4);
    return { values, bytes };
  }
  const width = QUANTIZED_BYTES[q.dtype];
  if (width === undefined || q.scale === undefined || q.min === undefined) {
    throw new Error(`tfjs weights: ${entry.name} uses ${q.dtype} quantisation, which this reader does not support`);
  }
  const bytes = count * width;
  checkBounds(entry, buffer, offset, bytes);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const raw = width === 1 ? buffer.readUInt8(offset + i) : buffer.readUInt16LE(offset + i * 2);
    values[i] = raw * q.scale + q.min;
  }
  return { values, bytes };
}

function checkBounds(entry: WeightEntry, buffer: Buffer, offset: number, bytes: number): void {
  if (offset + bytes > buffer.length) throw new Error(`tfjs weights: the weights file ends inside ${entry.name}`);
}
