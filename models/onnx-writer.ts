/**
 * A minimal ONNX writer: encodes a ModelProto (graph, nodes, float/int64 initializers, typed inputs and
 * outputs) as protobuf, with field numbers from onnx/onnx.proto. Enough to express a small CNN; nothing more.
 * Written by hand so that building a model needs no protobuf or ONNX package.
 */

export interface Tensor {
  name: string;
  dims: readonly number[];
  /** float32 → TensorProto FLOAT; BigInt64Array → INT64. Stored as little-endian raw_data. */
  data: Float32Array | BigInt64Array;
}

export type Attribute =
  | { name: string; kind: 'int'; value: number }
  | { name: string; kind: 'ints'; value: readonly number[] }
  | { name: string; kind: 'float'; value: number }
  | { name: string; kind: 'string'; value: string };

export interface Node {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attributes?: readonly Attribute[];
}

/** A float32 tensor value; a string dimension is symbolic (dim_param, e.g. a dynamic batch "N"). */
export interface ValueInfo {
  name: string;
  shape: readonly (number | string)[];
}

export interface Graph {
  name: string;
  nodes: readonly Node[];
  initializers: readonly Tensor[];
  inputs: readonly ValueInfo[];
  outputs: readonly ValueInfo[];
}

export interface Model {
  graph: Graph;
  opsetVersion: number;
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  metadata?: Readonly<Record<string, string>>;
}

const WIRE_VARINT = 0;
const WIRE_FIXED32 = 5;
const WIRE_BYTES = 2;
const DATA_TYPE = { float: 1, int64: 7 } as const;
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, ints: 7 } as const;

/** Accumulates one protobuf message. Nested messages are encoded first, then written as bytes fields. */
class MessageWriter {
  private readonly chunks: Uint8Array[] = [];

  varint(field: number, value: number | bigint): this {
    this.key(field, WIRE_VARINT);
    this.chunks.push(encodeVarint(BigInt(value)));
    return this;
  }

  float(field: number, value: number): this {
    this.key(field, WIRE_FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.chunks.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, WIRE_BYTES);
    this.chunks.push(encodeVarint(BigInt(value.length)), value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** Repeated int64 as one packed field (proto3 default for repeated scalars). */
  packedVarints(field: number, values: readonly number[]): this {
    return this.bytes(field, concat(values.map((v) => encodeVarint(BigInt(v)))));
  }

  finish(): Uint8Array {
    return concat(this.chunks);
  }

  private key(field: number, wire: number): void {
    this.chunks.push(encodeVarint(BigInt((field << 3) | wire)));
  }
}

/** Base-128 varint; negative int64 values take ten bytes (two's complement), as protobuf requires. */
export function encodeVarint(value: bigint): Uint8Array {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return Uint8Array.from(out);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function encodeRawData(data: Float32Array | BigInt64Array): Uint8Array {
  const out = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const view = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  else data.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return out;
}

function encodeTensor(tensor: Tensor): Uint8Array {
  const expected = tensor.dims.reduce((n, d) => n * d, 1);
  if (expected !== tensor.data.length) {
    throw new Error(`Tensor ${tensor.name}: dims ${tensor.dims.join('x')} need ${expected} values, got ${tensor.data.length}`);
  }
  return new MessageWriter()
    .packedVarints(1, tensor.dims)
    .varint(2, tensor.data instanceof Float32Array ? DATA_TYPE.float : DATA_TYPE.int64)
    .string(8, tensor.name)
    .bytes(9, encodeRawData(tensor.data))
    .finish();
}

function encodeAttribute(attribute: Attribute): Uint8Array {
  const w = new MessageWriter().string(1, attribute.name);
  switch (attribute.kind) {
    case 'int': w.varint(3, attribute.value); break;
    case 'float': w.float(2, attribute.value); break;
    case 'string': w.string(4, attribute.value); break;
    case 'ints': w.packedVarints(8, attribute.value); break;
  }
  return w.varint(20, ATTRIBUTE_TYPE[attribute.kind]).finish();
}

function encodeNode(node: Node): Uint8Array {
  const w = new MessageWriter();
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  if (node.name) w.string(3, node.name);
  w.string(4, node.op);
  for (const attribute of node.attributes ?? []) w.bytes(5, encodeAttribute(attribute));
  return w.finish();
}

function encodeValueInfo(info: ValueInfo): Uint8Array {
  const shape = new MessageWriter();
  for (const dim of info.shape) {
    const d = new MessageWriter();
    if (typeof dim === 'number') d.varint(1, dim);
    else d.string(2, dim);
    shape.bytes(1, d.finish());
  }
  const tensorType = new MessageWriter().varint(1, DATA_TYPE.float).bytes(2, shape.finish()).finish();
  const type = new MessageWriter().bytes(1, tensorType).finish();
  return new MessageWriter().string(1, info.name).bytes(2, type).finish();
}

function encodeGraph(graph: Graph): Uint8Array {
  const w = new MessageWriter();
  for (const node of graph.nodes) w.bytes(1, encodeNode(node));
  w.string(2, graph.name);
  for (const tensor of graph.initializers) w.bytes(5, encodeTensor(tensor));
  for (const input of graph.inputs) w.bytes(11, encodeValueInfo(input));
  for (const output of graph.outputs) w.bytes(12, encodeValueInfo(output));
  return w.finish();
}

/** Encodes a whole model to the bytes of an .onnx file (default domain ai.onnx only). */
export function encodeModel(model: Model): Uint8Array {
  const opset = new MessageWriter().string(1, '').varint(2, model.opsetVersion).finish();
  const w = new MessageWriter().varint(1, model.irVersion ?? 7);
  if (model.producerName) w.string(2, model.producerName);
  if (model.producerVersion) w.string(3, model.producerVersion);
  if (model.docString) w.string(6, model.docString);
  w.bytes(7, encodeGraph(model.graph)).bytes(8, opset);
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.bytes(14, new MessageWriter().string(1, key).string(2, value).finish());
  }
  return w.finish();
}
