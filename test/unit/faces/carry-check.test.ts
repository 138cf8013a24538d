import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCarriable, judgeMotion, landmarkMotion, moveBox, stillTheFace, type CarryCheckOptions } from '../../../engine/src/stages/faces/detect/carry-check.js';

const OPTIONS: CarryCheckOptions = { refitFrom: 0.02, maxShift: 0.25, maxScale: 1.2, maxQualityDrop: 0.1, minQuality: 0.6 };
const BOX = [100, 100, 100, 100] as const;

/** Three points of a face inside BOX, moved by (dx, dy) and scaled by s about (150, 150). */
function points(dx = 0, dy = 0, s = 1): Float32Array {
  const base = [130, 140, 170, 140, 150, 180];
  return Float32Array.from(base.map((v, i) => 150 + (v - 150) * s + (i % 2 === 0 ? dx : dy)));
}

test('the points of a face that did not move leave the carried box as it is', () => {
  const m = landmarkMotion(points(), points());
  assert.equal(judgeMotion(BOX, m, OPTIONS), 'holds');
  assert.deepEqual(moveBox(BOX, m), [...BOX]);
});

test('a small move is followed: the box moves and scales with the points', () => {
  const m = landmarkMotion(points(), points(8, -4, 1.1));
  assert.equal(judgeMotion(BOX, m, OPTIONS), 'follow');
  const moved = moveBox(BOX, m);
  const centre = (b: readonly number[]) => [b[0]! + b[2]! / 2, b[1]! + b[3]! / 2];
  const [cx, cy] = centre(moved);
  // The points moved as the face would: scaled about the box's centre (150, 150), then shifted by (8, -4).
  assert.ok(Math.abs(cx! - 158) < 1e-3, `centre x ${cx}`);
  assert.ok(Math.abs(cy! - 146) < 1e-3, `centre y ${cy}`);
  assert.ok(Math.abs(moved[2] - 110) < 1e-3 && Math.abs(moved[3] - 110) < 1e-3);
});

test('a face that moved a quarter of its box or changed its size by a fifth sends the sample to the detector', () => {
  assert.equal(judgeMotion(BOX, landmarkMotion(points(), points(26, 0)), OPTIONS), 'lost');
  assert.equal(judgeMotion(BOX, landmarkMotion(points(), points(0, 0, 1.25)), OPTIONS), 'lost');
  assert.equal(judgeMotion(BOX, landmarkMotion(points(), points(0, 0, 0.8)), OPTIONS), 'lost');
  assert.equal(judgeMotion(BOX, landmarkMotion(points(), points(20, 0)), OPTIONS), 'follow');
});

test('only a well-seen face, not set aside, that keeps its quality is carried', () => {
  const face = { quality: 0.7, isSetAside: false };
  assert.equal(stillTheFace(face, { quality: 0.65, isSetAside: false }, OPTIONS), true);
  assert.equal(stillTheFace(face, { quality: 0.59, isSetAside: false }, OPTIONS), false, 'quality fell by more than 0.1');
  assert.equal(stillTheFace({ quality: 0.65, isSetAside: false }, { quality: 0.58, isSetAside: false }, OPTIONS), false, 'below the floor now');
  assert.equal(stillTheFace({ quality: 0.55, isSetAside: false }, { quality: 0.9, isSetAside: false }, OPTIONS), false, 'below the floor before');
  assert.equal(stillTheFace(face, { quality: 0.7, isSetAside: true }, OPTIONS), false, 'set aside now (e.g. no longer a face)');
  assert.equal(stillTheFace({ quality: 0.9, isSetAside: true }, { quality: 0.9, isSetAside: false }, OPTIONS), false, 'set aside before');
});

test('a face without its points, set aside or poorly seen is not carried, before any model runs', () => {
  const landmarks = points();
  assert.equal(isCarriable({ landmarks, quality: 0.7 }, OPTIONS), true);
  assert.equal(isCarriable({ landmarks: null, quality: 0.7 }, OPTIONS), false, 'no points (a face too small)');
  assert.equal(isCarriable({ landmarks }, OPTIONS), false, 'no quality');
  assert.equal(isCarriable({ landmarks, quality: 0.5 }, OPTIONS), false, 'poorly seen');
  assert.equal(isCarriable({ landmarks, quality: 0.9, setAside: 'not-face' }, OPTIONS), false, 'set aside');
});
