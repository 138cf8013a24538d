/**
 * Shared material for the faces medium tests: the real eval photos (skipped when ../shared/eval is absent),
 * the real models through the ONNX adapter (skipped when not installed), and photo decoding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImageFile, rgbaToFrame } from '../../../engine/src/adapters/image-file.adapter.js';
import { OnnxModels } from '../../../engine/src/adapters/onnx.adapter.js';
import type { Frame } from '../../../engine/src/stages/frames/frame.js';
import type { RunModel } from '../../../engine/src/stages/faces/face-models.js';

/** The models in models/weights, on the default settings. */
const sessions = new OnnxModels();

export const EVAL_DIR = join(import.meta.dirname, '../../../../shared/eval');
export const PHOTOS_DIR = join(EVAL_DIR, 'photos');
export const LABELS_DIR = join(EVAL_DIR, 'labels');

const hasEval = existsSync(join(LABELS_DIR, 'identities.json')) && existsSync(PHOTOS_DIR);
const models = await sessions.verify();
const hasModels = models.every((m) => m.state === 'ok');

/** A `{ skip }` reason for node:test, or false when both the eval material and the models are here. */
export const skipReason: string | false = !hasEval
  ? 'needs ../shared/eval (the labelled photos), which is absent'
  : !hasModels
    ? 'models not installed; run `npx onscreen models fetch`'
    : false;

export const runModel: RunModel = (id, feeds) => sessions.run(id, feeds);

export function readLabels<T>(name: string): T {
  return JSON.parse(readFileSync(join(LABELS_DIR, name), 'utf8')) as T;
}

/** Decodes a photo (under photos/) into an RGB24 frame. */
export function loadPhoto(file: string, index = 0): Promise<Frame> {
  return decodeImageFile(join(PHOTOS_DIR, file), index);
}

export const toFrame = rgbaToFrame;

export interface LabelledBox {
  file: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** 68 landmarks when the file has them. */
  parts: [number, number][];
}

/** Boxes (and landmarks) of dlib's examples/faces XML files. */
export function readDlibBoxes(xmlName: string): LabelledBox[] {
  const xml = readFileSync(join(PHOTOS_DIR, 'dlib/examples/faces', xmlName), 'utf8');
  const boxes: LabelledBox[] = [];
  for (const image of xml.matchAll(/<image file='([^']+)'[^>]*>([\s\S]*?)<\/image>/g)) {
    for (const b of image[2]!.matchAll(/<box top='(-?\d+)' left='(-?\d+)' width='(\d+)' height='(\d+)'[^>]*?(\/>|>([\s\S]*?)<\/box>)/g)) {
      const [top, left, width, height] = [b[1], b[2], b[3], b[4]].map(Number) as [number, number, number, number];
      const parts: [number, number][] = [];
      for (const p of (b[6] ?? '').matchAll(/<part name='(\d+)' x='(-?\d+)' y='(-?\d+)'\/>/g)) parts[Number(p[1])] = [Number(p[2]), Number(p[3])];
      boxes.push({ file: `dlib/examples/faces/${image[1]}`, x1: left, y1: top, x2: left + width, y2: top + height, parts });
    }
  }
  return boxes;
}

/** Area under the ROC curve: the chance that a random positive scores above a random negative. */
export function rocAuc(positives: number[], negatives: number[]): number {
  const sorted = [...negatives].sort((a, b) => a - b);
  let below = 0;
  let j = 0;
  for (const p of [...positives].sort((a, b) => a - b)) {
    while (j < sorted.length && sorted[j]! < p) j++;
    below += j;
  }
  return below / (positives.length * negatives.length);
}
