/** A packed RGB24 picture, row-major (a `Frame` is one). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A region in source pixels; it may reach outside the picture (the outside reads as `PixelNorm.fill`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How pixels become model input: channel order, then `(value - mean[c]) * scale[c]` per output channel.
 * 'grey' gives one channel of 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, as OpenCV's RGB2GRAY).
 */
export interface PixelNorm {
  order: 'rgb' | 'bgr' | 'grey';
  mean: readonly [number, number, number] | number;
  scale: readonly [number, number, number] | number;
  /** Pixel value (0..255, before normalisation) read outside the picture. Default 0 (black). */
  fill?: number;
}

export function channelCount(norm: PixelNorm): number {
  return norm.order === 'grey' ? 1 : 3;
}

/** Per-output-channel [mean, scale] and the source channel each output channel reads (grey: -1). */
export function resolveNorm(norm: PixelNorm): { means: Float64Array; scales: Float64Array; sources: Int8Array } {
  const n = channelCount(norm);
  const means = new Float64Array(n);
  const scales = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    means[c] = typeof norm.mean === 'number' ? norm.mean : (norm.mean[c] ?? 0);
    scales[c] = typeof norm.scale === 'number' ? norm.scale : (norm.scale[c] ?? 1);
  }
  const sources = norm.order === 'grey' ? Int8Array.of(-1) : norm.order === 'rgb' ? Int8Array.of(0, 1, 2) : Int8Array.of(2, 1, 0);
  return { means, scales, sources };
}

/** Allocates (or checks) the output of a tensor writer: `count` planes of `width * height`. */
export function ensureOutput(out: Float32Array | undefined, offset: number, size: number): Float32Array {
  if (!out) return new Float32Array(offset + size);
  if (out.length < offset + size) throw new RangeError(`tensor buffer too small: need ${offset + size}, have ${out.length}`);
  return out;
}

/**
 * The picture's bytes as a DataView, to read a pixel and the next one (6 bytes) in two loads instead
 * of six. On a one-pixel-wide picture the next pixel is past the end for the last row: a copy with
 * three more bytes then (read with no weight, so their value does not matter).
 */
export function pixelPairsOf(image: RgbImage): DataView {
  const { data } = image;
  if (image.width > 1) return new DataView(data.buffer, data.byteOffset, data.byteLength);
  const padded = new Uint8Array(data.length + 3);
  padded.set(data);
  return new DataView(padded.buffer);
}
