/**
 * face-api's AgeGenderNet (TinyXception with 2 main blocks, then age and gender heads) as an ONNX graph,
 * transcribed from @vladmandic/face-api src/xception/TinyXception.ts and src/ageGenderNet/AgeGenderNet.ts.
 * TF layouts (NHWC activations, HWIO filters, 'same' padding with the odd pixel at the end) become
 * ONNX NCHW/OIHW with explicit pads. The input is already normalised: (rgb - MEAN_RGB) / 255, 112x112.
 */
import type { Graph, Node, Tensor, Attribute } from './onnx-writer.js';
import type { DecodedWeight } from './tfjs-weights.js';

export const INPUT_SIZE = 112;
/** face-api's TinyXception.forwardInput: normalize(x, meanRgb).div(255). */
export const MEAN_RGB = [122.782, 117.001, 104.298] as const;
export const PIXEL_SCALE = 255;
const MAIN_BLOCKS = 2;

class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly initializers: Tensor[] = [];
  private count = 0;

  constructor(private readonly weights: ReadonlyMap<string, DecodedWeight>) {}

  weight(name: string): DecodedWeight {
    const w = this.weights.get(name);
    if (!w) throw new Error(`age-gender weights: ${name} is missing`);
    return w;
  }

  constant(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push({ name, dims, data });
    return name;
  }

  op(op: string, inputs: string[], attributes: Attribute[] = [], output?: string): string {
    const out = output ?? `${op.toLowerCase()}_${this.count++}`;
    this.nodes.push({ op, inputs, outputs: [out], name: out, attributes });
    return out;
  }
}

/** TF 'same' padding for one axis: [before, after], the odd pixel after, as tf.conv2d / tf.maxPool do. */
export function padSame(size: number, kernel: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max(0, (out - 1) * stride + kernel - size);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

function padsAttribute(size: number, kernel: number, stride: number): Attribute {
  const [before, after] = padSame(size, kernel, stride);
  return { name: 'pads', kind: 'ints', value: [before, before, after, after] };
}

/** HWIO [kh, kw, in, out] → OIHW [out, in, kh, kw]. */
function toOihw({ shape, values }: DecodedWeight): { dims: number[]; data: Float32Array } {
  const [kh = 0, kw = 0, cin = 0, cout = 0] = shape;
  const data = new Float32Array(values.length);
  for (let o = 0; o < cout; o++)
    for (let i = 0; i < cin; i++)
      for (let h = 0; h < kh; h++)
        for (let w = 0; w < kw; w++) data[((o * cin + i) * kh + h) * kw + w] = values[((h * kw + w) * cin + i) * cout + o]!;
  return { dims: [cout, cin, kh, kw], data };
}

/** Depthwise HWC1 [kh, kw, c, 1] → [c, 1, kh, kw] for a Conv with group = c. */
function depthwiseToOihw({ shape, values }: DecodedWeight): { dims: number[]; data: Float32Array } {
  const [kh = 0, kw = 0, c = 0] = shape;
  const data = new Float32Array(values.length);
  for (let ch = 0; ch < c; ch++)
    for (let h = 0; h < kh; h++) for (let w = 0; w < kw; w++) data[(ch * kh + h) * kw + w] = values[(h * kw + w) * c + ch]!;
  return { dims: [c, 1, kh, kw], data };
}

function conv(g: GraphBuilder, x: string, prefix: string, size: number, stride: number): string {
  const filters = toOihw(g.weight(`${prefix}/filters`));
  const kernel = filters.dims[2]!;
  const w = g.constant(`${prefix}/filters`, filters.dims, filters.data);
  const bias = g.weight(`${prefix}/bias`);
  const b = g.constant(`${prefix}/bias`, bias.shape, bias.values);
  return g.op('Conv', [x, w, b], [
    { name: 'kernel_shape', kind: 'ints', value: [kernel, kernel] },
    { name: 'strides', kind: 'ints', value: [stride, stride] },
    padsAttribute(size, kernel, stride),
  ]);
}

/** tf.separableConv2d(x, depthwise, pointwise, [1, 1], 'same') + bias. */
function separableConv(g: GraphBuilder, x: string, prefix: string, size: number): string {
  const depthwise = depthwiseToOihw(g.weight(`${prefix}/depthwise_filter`));
  const channels = depthwise.dims[0]!;
  const dw = g.constant(`${prefix}/depthwise_filter`, depthwise.dims, depthwise.data);
  const spatial = g.op('Conv', [x, dw], [
    { name: 'group', kind: 'int', value: channels },
    { name: 'kernel_shape', kind: 'ints', value: [3, 3] },
    padsAttribute(size, 3, 1),
  ]);
  const pointwise = toOihw(g.weight(`${prefix}/pointwise_filter`));
  const pw = g.constant(`${prefix}/pointwise_filter`, pointwise.dims, pointwise.data);
  const bias = g.weight(`${prefix}/bias`);
  const b = g.constant(`${prefix}/bias`, bias.shape, bias.values);
  return g.op('Conv', [spatial, pw, b], [{ name: 'kernel_shape', kind: 'ints', value: [1, 1] }]);
}

function reductionBlock(g: GraphBuilder, x: string, prefix: string, size: number, isActivateInput: boolean): string {
  let out = isActivateInput ? g.op('Relu', [x]) : x;
  out = separableConv(g, out, `${prefix}/separable_conv0`, size);
  out = separableConv(g, g.op('Relu', [out]), `${prefix}/separable_conv1`, size);
  out = g.op('MaxPool', [out], [
    { name: 'kernel_shape', kind: 'ints', value: [3, 3] },
    { name: 'strides', kind: 'ints', value: [2, 2] },
    padsAttribute(size, 3, 2),
  ]);
  return g.op('Add', [out, conv(g, x, `${prefix}/expansion_conv`, size, 2)]);
}

function mainBlock(g: GraphBuilder, x: string, prefix: string, size: number): string {
  let out = separableConv(g, g.op('Relu', [x]), `${prefix}/separable_conv0`, size);
  out = separableConv(g, g.op('Relu', [out]), `${prefix}/separable_conv1`, size);
  out = separableConv(g, g.op('Relu', [out]), `${prefix}/separable_conv2`, size);
  return g.op('Add', [out, x]);
}

function fullyConnected(g: GraphBuilder, x: string, prefix: string, output?: string): string {
  const weights = g.weight(`${prefix}/weights`);
  const bias = g.weight(`${prefix}/bias`);
  const w = g.constant(`${prefix}/weights`, weights.shape, weights.values);
  const b = g.constant(`${prefix}/bias`, bias.shape, bias.values);
  return g.op('Gemm', [x, w, b], [], output);
}

/**
 * Builds the graph: input "input" [N,3,112,112] normalised RGB; outputs "gender" [N,2] softmax
 * probabilities (index 0 = male, 1 = female, as face-api's predictAgeAndGender reads them) and "age" [N,1] in years.
 */
export function buildAgeGenderGraph(weights: ReadonlyMap<string, DecodedWeight>): Graph {
  const g = new GraphBuilder(weights);
  let size = INPUT_SIZE;
  let out = g.op('Relu', [conv(g, 'input', 'entry_flow/conv_in', size, 2)]);
  size = Math.ceil(size / 2);
  out = reductionBlock(g, out, 'entry_flow/reduction_block_0', size, false);
  size = Math.ceil(size / 2);
  out = reductionBlock(g, out, 'entry_flow/reduction_block_1', size, true);
  size = Math.ceil(size / 2);
  for (let i = 0; i < MAIN_BLOCKS; i++) out = mainBlock(g, out, `middle_flow/main_block_${i}`, size);
  out = reductionBlock(g, out, 'exit_flow/reduction_block', size, true);
  size = Math.ceil(size / 2);
  out = g.op('Relu', [separableConv(g, out, 'exit_flow/separable_conv', size)]);
  // face-api: avgPool([7, 7], [2, 2], 'valid') over a 7x7 map, i.e. a global average.
  const pooled = g.op('Flatten', [g.op('GlobalAveragePool', [out])], [{ name: 'axis', kind: 'int', value: 1 }]);
  fullyConnected(g, pooled, 'fc/age', 'age');
  const logits = fullyConnected(g, pooled, 'fc/gender');
  g.op('Softmax', [logits], [{ name: 'axis', kind: 'int', value: 1 }], 'gender');
  return {
    name: 'face_api_age_gender',
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [{ name: 'input', shape: ['N', 3, INPUT_SIZE, INPUT_SIZE] }],
    outputs: [
      { name: 'gender', shape: ['N', 2] },
      { name: 'age', shape: ['N', 1] },
    ],
  };
}
