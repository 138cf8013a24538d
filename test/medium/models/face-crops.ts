/**
 * Test helpers for the model tests: decode a photo, find its faces with the detector (whole picture, one run),
 * and cut face crops as model tensors following a manifest input contract. Deliberately simple and separate
 * from the faces stage, so the model contracts are checked on their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { OnnxModels, type TensorData } from '../../../engine/src/adapters/onnx.adapter.js';
import type { InputContract } from '../../../engine/src/adapters/models/manifest.js';

/** The models in models/weights, on the default settings. */
const sessions = new OnnxModels();

export const EVAL_DIR = join(import.meta.dirname, '../../../../shared/eval');
export const PHOTOS_DIR = join(EVAL_DIR, 'photos');
export const IDENTITIES_PATH = join(EVAL_DIR, 'labels/identities.json');
export const hasEvalPhotos = existsSync(IDENTITIES_PATH) && existsSync(PHOTOS_DIR);

export interface Identity {
  file: string;
  id: string;
  gender: 'F' | 'M';
  pick: 'best' | number;
  source: string;
}

export function readIdentities(): Identity[] {
  return JSON.parse(readFileSync(IDENTITIES_PATH, 'utf8')) as Identity[];
}

export interface RgbImage {
  width: number;
  height: number;
  /** Interleaved RGB, 8 bits per channel. */
  rgb: Uint8Array;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
}

export async function loadRgb(path: string): Promise<RgbImage> {
  const image = await loadImage(readFileSync(path));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return { width: image.width, height: image.height, rgb };
}

/**
 * Bilinear resample of the region (x, y, w, h) to outW x outH as RGB pixels 0..255 (pixel-centre mapping);
 * samples outside the image are black, like face-api's zero padding.
 */
export function sampleRegion(img: RgbImage, x: number, y: number, w: number, h: number, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH * 3);
  const at = (px: number, py: number, c: number): number =>
    px < 0 || py < 0 || px >= img.width || py >= img.height ? 0 : img.rgb[(py * img.width + px) * 3 + c]!;
  for (let oy = 0; oy < outH; oy++) {
    const sy = y + ((oy + 0.5) * h) / outH - 0.5;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let ox = 0; ox < outW; ox++) {
      const sx = x + ((ox + 0.5) * w) / outW - 0.5;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      for (let c = 0; c < 3; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        out[(oy * outW + ox) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}

/** HWC RGB pixels (one or more images back to back) → NCHW tensor per the contract; `swapRb` feeds BGR instead. */
export function toInputTensor(pixels: Float32Array, width: number, height: number, contract: InputContract, swapRb = false): TensorData {
  const { mean, std } = contract.normalisation;
  const plane = width * height;
  const count = pixels.length / (plane * 3);
  const channels = contract.colour === 'grey' ? 1 : 3;
  const data = new Float32Array(count * channels * plane);
  for (let n = 0; n < count; n++) {
    for (let p = 0; p < plane; p++) {
      const base = (n * plane + p) * 3;
      const r = pixels[base + (swapRb ? 2 : 0)]!;
      const g = pixels[base + 1]!;
      const b = pixels[base + (swapRb ? 0 : 2)]!;
      if (channels === 1) {
        const [wr, wg, wb] = contract.greyWeights ?? [0.299, 0.587, 0.114];
        data[n * plane + p] = (wr * r + wg * g + wb * b - mean[0]!) / std[0]!;
      } else {
        [r, g, b].forEach((v, c) => (data[(n * 3 + c) * plane + p] = (v - mean[c]!) / std[c]!));
      }
    }
  }
  return { data, dims: [count, channels, height, width] };
}

function iou(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  const inter = w > 0 && h > 0 ? w * h : 0;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return union > 0 ? inter / union : 0;
}

/** One detector run on the whole picture stretched to the model size; boxes in source pixels after NMS. */
export async function detectFaces(img: RgbImage, contract: InputContract, threshold = 0.7, swapRb = false): Promise<Box[]> {
  const [, , height = 0, width = 0] = contract.shape;
  const pixels = sampleRegion(img, 0, 0, img.width, img.height, width, height);
  const out = await sessions.run('detector', { [contract.name]: toInputTensor(pixels, width, height, contract, swapRb) });
  const scores = out['scores']!.data;
  const boxes = out['boxes']!.data;
  const found: Box[] = [];
  for (let i = 0; i < scores.length / 2; i++) {
    const score = scores[i * 2 + 1]!;
    if (score < threshold) continue;
    found.push({
      x1: boxes[i * 4]! * img.width,
      y1: boxes[i * 4 + 1]! * img.height,
      x2: boxes[i * 4 + 2]! * img.width,
      y2: boxes[i * 4 + 3]! * img.height,
      score,
    });
  }
  const kept: Box[] = [];
  for (const b of found.sort((p, q) => q.score - p.score)) if (kept.every((k) => iou(k, b) <= 0.3)) kept.push(b);
  return kept;
}

/** The labelled face: "best" = the biggest box; an integer = that index in left-to-right order. */
export function pickFace(boxes: readonly Box[], pick: Identity['pick']): Box | undefined {
  if (pick === 'best') return [...boxes].sort((a, b) => (b.x2 - b.x1) * (b.y2 - b.y1) - (a.x2 - a.x1) * (a.y2 - a.y1))[0];
  return [...boxes].sort((a, b) => a.x1 + a.x2 - (b.x1 + b.x2))[pick];
}

/** face-api's crop for its age-gender net: the box itself, padded to a square with black (centred), resized. */
export function cropFaceApiStyle(img: RgbImage, box: Box, size: number): Float32Array {
  const w = box.x2 - box.x1;
  const h = box.y2 - box.y1;
  const side = Math.max(w, h);
  const boxPixels = { x: box.x1, y: box.y1, w, h };
  // Sample the box region into the centre of a black square of side `side`.
  const square = { x: boxPixels.x - (side - w) / 2, y: boxPixels.y - (side - h) / 2 };
  const inside = (px: number, py: number): boolean => px >= box.x1 && px < box.x2 && py >= box.y1 && py < box.y2;
  const out = sampleRegion(img, square.x, square.y, side, side, size, size);
  for (let oy = 0; oy < size; oy++)
    for (let ox = 0; ox < size; ox++) {
      const px = square.x + ((ox + 0.5) * side) / size;
      const py = square.y + ((oy + 0.5) * side) / size;
      if (!inside(px, py)) out.fill(0, (oy * size + ox) * 3, (oy * size + ox) * 3 + 3);
    }
  return out;
}
