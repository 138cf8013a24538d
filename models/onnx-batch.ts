/**
 * Frees the batch dimension of an exported ONNX model whose graph was traced with a batch of 1:
 * the first dimension of every graph input and output becomes the symbolic "N", the recorded
 * intermediate shapes (value_info, which would pin the batch) are dropped, and constant Reshape
 * targets that start with 1 start with 0 instead ("copy this dimension from the input").
 *
 * Works on the protobuf wire format (field numbers from onnx/onnx.proto) and keeps every other
 * byte as it was, so the weights and the rest of the graph are untouched. Checked against the
 * models it is used on by running them at batch 1 and batch N (test/medium/models).
 */
import { concat, encodeVarint } from './onnx-writer.js';

interface Field {
  no: number;
  wire: number;
  /** Varint value (wire 0) or the raw bytes (wire 1, 2, 5). */
  value: bigint | Uint8Array;
}

const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;
/** Field numbers used here (onnx.proto). */
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12, valueInfo: 13 } as const;
const NODE = { input: 1, opType: 4 } as const;
const TENSOR = { dims: 1, dataType: 2, int64Data: 7, name: 8, rawData: 9 } as const;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_TYPE_SHAPE = 2;
const SHAPE_DIM = 1;
const DIM_PARAM = 2;
const INT64 = 7n;

export function freeBatchDimension(model: Uint8Array): Uint8Array {
  const fields = decode(model);
  const graphs = fields.filter((f) => f.no === MODEL_GRAPH);
  if (graphs.length !== 1) throw new Error('onnx-batch: the file holds no single graph');
  return encode(fields.map((f) => (f.no === MODEL_GRAPH ? { ...f, value: freeGraph(bytesOf(f)) } : f)));
}

function freeGraph(graph: Uint8Array): Uint8Array {
  const fields = decode(graph);
  const reshapeTargets = new Set<string>();
  for (const node of fields.filter((f) => f.no === GRAPH.node).map((f) => decode(bytesOf(f)))) {
    if (text(node.find((f) => f.no === NODE.opType)) !== 'Reshape') continue;
    const target = node.filter((f) => f.no === NODE.input)[1];
    if (target) reshapeTargets.add(text(target));
  }
  return encode(
    fields
      .filter((f) => f.no !== GRAPH.valueInfo)
      .map((f) => {
        if (f.no === GRAPH.input || f.no === GRAPH.output) return { ...f, value: freeFirstDimension(bytesOf(f)) };
        if (f.no === GRAPH.initializer) return { ...f, value: freeReshapeTarget(bytesOf(f), reshapeTargets) };
        return f;
      }),
  );
}

/** ValueInfoProto → TypeProto.tensor_type → shape: the first dim becomes dim_param "N". */
function freeFirstDimension(valueInfo: Uint8Array): Uint8Array {
  return rewrite(valueInfo, VALUE_INFO_TYPE, (type) =>
    rewrite(type, TYPE_TENSOR, (tensorType) =>
      rewrite(tensorType, TENSOR_TYPE_SHAPE, (shape) => {
        const dims = decode(shape);
        const first = dims.findIndex((f) => f.no === SHAPE_DIM);
        if (first < 0) throw new Error('onnx-batch: a graph input or output has no dimensions');
        dims[first] = { no: SHAPE_DIM, wire: WIRE.bytes, value: encode([{ no: DIM_PARAM, wire: WIRE.bytes, value: new TextEncoder().encode('N') }]) };
        return encode(dims);
      }),
    ),
  );
}

/** A constant Reshape target [1, ...] → [0, ...]. */
function freeReshapeTarget(tensor: Uint8Array, reshapeTargets: ReadonlySet<string>): Uint8Array {
  const fields = decode(tensor);
  if (!reshapeTargets.has(text(fields.find((f) => f.no === TENSOR.name)))) return tensor;
  const type = fields.find((f) => f.no === TENSOR.dataType)?.value;
  const raw = fields.find((f) => f.no === TENSOR.rawData);
  if (type !== INT64 || !raw || fields.some((f) => f.no === TENSOR.int64Data)) throw new Error('onnx-batch: a Reshape target is not raw int64 data');
  const values = new BigInt64Array(Uint8Array.from(bytesOf(raw)).buffer);
  if (values[0] !== 1n) return tensor;
  values[0] = 0n;
  return encode(fields.map((f) => (f === raw ? { ...f, value: new Uint8Array(values.buffer) } : f)));
}

function rewrite(message: Uint8Array, field: number, change: (inner: Uint8Array) => Uint8Array): Uint8Array {
  const fields = decode(message);
  if (!fields.some((f) => f.no === field)) throw new Error(`onnx-batch: field ${field} is missing`);
  return encode(fields.map((f) => (f.no === field ? { ...f, value: change(bytesOf(f)) } : f)));
}

function bytesOf(field: Field): Uint8Array {
  if (!(field.value instanceof Uint8Array)) throw new Error(`onnx-batch: field ${field.no} is not a message`);
  return field.value;
}

function text(field: Field | undefined): string {
  return field ? new TextDecoder().decode(bytesOf(field)) : '';
}

function decode(bytes: Uint8Array): Field[] {
  const fields: Field[] = [];
  let at = 0;
  const varint = (): bigint => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (at >= bytes.length) throw new Error('onnx-batch: truncated varint');
      const byte = bytes[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
  };
  const take = (length: number): Uint8Array => {
    if (at + length > bytes.length) throw new Error('onnx-batch: truncated field');
    const slice = bytes.subarray(at, at + length);
    at += length;
    return slice;
  };
  while (at < bytes.length) {
    const key = Number(varint());
    const no = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE.varint) fields.push({ no, wire, value: varint() });
    else if (wire === WIRE.bytes) fields.push({ no, wire, value: take(Number(varint())) });
    else if (wire === WIRE.fixed32) fields.push({ no, wire, value: take(4) });
    else if (wire === WIRE.fixed64) fields.push({ no, wire, value: take(8) });
    else throw new Error(`onnx-batch: unsupported wire type ${wire}`);
  }
  return fields;
}

function encode(fields: readonly Field[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const field of fields) {
    parts.push(encodeVarint(BigInt((field.no << 3) | field.wire)));
    if (field.wire === WIRE.varint) parts.push(encodeVarint(field.value as bigint));
    else {
      const value = bytesOf(field);
      if (field.wire === WIRE.bytes) parts.push(encodeVarint(BigInt(value.length)));
      parts.push(value);
    }
  }
  return concat(parts);
}
