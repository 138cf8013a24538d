import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CutDetector } from '../../../engine/src/stages/frames/cut-detector.js';

const PIXELS = 32 * 18;
const FPS = 25;

/** Deterministic pseudo-random numbers, so the noise is the same on every run. */
function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A textured picture: a gradient shifted by `offset`, brightness `level`, plus noise. */
function picture(level: number, offset = 0, noise = 0, random = makeRandom(1)): Uint8Array {
  const data = new Uint8Array(PIXELS);
  for (let i = 0; i < PIXELS; i += 1) {
    const x = (i % 32) + offset;
    const value = level + 40 * Math.sin(x / 3) + (random() - 0.5) * 2 * noise;
    data[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
  return data;
}

function detect(frames: Uint8Array[]): number[] {
  const detector = new CutDetector({ pixels: PIXELS });
  frames.forEach((frame, n) => detector.push(n / FPS, frame));
  return detector.finish();
}

test('a hard cut is found at the time of the first frame of the new shot', () => {
  const frames = [...Array.from({ length: 30 }, () => picture(80)), ...Array.from({ length: 30 }, () => picture(170, 7))];
  assert.deepEqual(detect(frames), [30 / FPS]);
});

test('cuts between noisy shots are found, the noise itself is not a cut', () => {
  const random = makeRandom(7);
  const frames = [
    ...Array.from({ length: 40 }, () => picture(90, 0, 12, random)),
    ...Array.from({ length: 40 }, () => picture(150, 11, 12, random)),
    ...Array.from({ length: 40 }, () => picture(60, 4, 12, random)),
  ];
  assert.deepEqual(detect(frames), [40 / FPS, 80 / FPS]);
});

test('a fade to black and back is not a cut, however many frames it lasts', () => {
  const first = picture(120);
  const second = picture(140, 5);
  const dim = (frame: Uint8Array, alpha: number) => frame.map((v) => Math.round(v * alpha));
  const fadeOut = Array.from({ length: 25 }, (_, k) => dim(first, 1 - k / 24));
  const fadeIn = Array.from({ length: 25 }, (_, k) => dim(second, k / 24));
  const frames = [...Array.from({ length: 20 }, () => first), ...fadeOut, ...fadeIn, ...Array.from({ length: 20 }, () => second)];
  assert.deepEqual(detect(frames), []);
});

test('steady motion (a slow pan or zoom) is not a cut', () => {
  const frames = Array.from({ length: 120 }, (_, k) => picture(100, k * 0.4));
  assert.deepEqual(detect(frames), []);
});

test('a flash of one or two frames is not a cut', () => {
  const frames = Array.from({ length: 60 }, (_, k) => (k === 20 || k === 40 || k === 41 ? picture(250) : picture(70)));
  assert.deepEqual(detect(frames), []);
});

test('two cuts a few frames apart are both found, and a cut in the last frames is found too', () => {
  const frames = [
    ...Array.from({ length: 20 }, () => picture(60)),
    ...Array.from({ length: 4 }, () => picture(200, 9)),
    ...Array.from({ length: 20 }, () => picture(120, 3)),
    ...Array.from({ length: 3 }, () => picture(30, 15)),
  ];
  assert.deepEqual(detect(frames), [20 / FPS, 24 / FPS, 44 / FPS]);
});

test('small changes below the absolute floor never count, whatever the ratio', () => {
  const frames = Array.from({ length: 40 }, (_, k) => picture(k < 20 ? 100 : 103));
  assert.deepEqual(detect(frames), []);
});

test('a cut into a fast-moving shot is found when its tones change; motion starting in the same shot is not a cut', () => {
  const still = Array.from({ length: 30 }, () => picture(100));
  const movingElsewhere = Array.from({ length: 30 }, (_, k) => picture(150, 3 * k));
  const cutDetector = new CutDetector({ pixels: PIXELS });
  [...still, ...movingElsewhere].forEach((frame, n) => cutDetector.push(n / FPS, frame));
  assert.deepEqual(cutDetector.finish(), [30 / FPS]);
  const startsMoving = Array.from({ length: 30 }, (_, k) => picture(100, 3 * (k + 1)));
  assert.deepEqual(detect([...still, ...startsMoving]), []);
});
