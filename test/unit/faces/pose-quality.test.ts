import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateRoll, estimateYaw, MIRROR_68, mirrorDisagreement } from '../../../engine/src/stages/faces/pose.js';
import { combineQuality, isNotFace, scoreQuality, scoreSize } from '../../../engine/src/stages/faces/quality.js';
import { fivePointsOf, alignmentOf, ARCFACE_TEMPLATE } from '../../../engine/src/stages/faces/align.js';
import { applyAffine, invertAffine } from '../../../engine/src/stages/faces/image/affine.js';

/** A frontal, left-right symmetric 68-point face: mirror pairs placed symmetrically about x = 0. */
function makeFrontalFace(): Float32Array {
  const points = new Float32Array(136);
  for (let i = 0; i < 68; i++) {
    const j = MIRROR_68[i]!;
    const side = i === j ? 0 : i < j ? -1 : 1;
    const x = side * (10 + (Math.min(i, j) % 17) * 2);
    const y = 50 + (Math.min(i, j) * 7) % 60;
    points[2 * i] = x;
    points[2 * i + 1] = y;
  }
  // Eyes level, nose tip on the axis.
  points[2 * 36] = -30; points[2 * 36 + 1] = 40;
  points[2 * 45] = 30; points[2 * 45 + 1] = 40;
  points[2 * 30] = 0;
  points[2 * 2] = -45; points[2 * 14] = 45;
  return points;
}

test('the mirror index table is an involution', () => {
  MIRROR_68.forEach((j, i) => assert.equal(MIRROR_68[j], i));
});

test('yaw is 0 for a symmetric face and grows as the nose moves towards one cheek', () => {
  const face = makeFrontalFace();
  assert.equal(estimateYaw(face), 0);
  assert.ok(Math.abs(estimateRoll(face)) < 1e-12);
  const turned = face.slice();
  turned[2 * 30] = 25;
  const yaw = estimateYaw(turned);
  assert.ok(Math.abs(yaw - (70 - 20) / 90) < 1e-6);
});

test('mirror disagreement is 0 when the mirrored run returns the mirrored points, and large otherwise', () => {
  const face = makeFrontalFace();
  // What the mirrored run returns for a symmetric face: point k of the mirror image is point MIRROR(k).
  const mirrored = new Float32Array(136);
  for (let k = 0; k < 68; k++) {
    mirrored[2 * k] = face[2 * MIRROR_68[k]!]!;
    mirrored[2 * k + 1] = face[2 * MIRROR_68[k]! + 1]!;
  }
  assert.ok(mirrorDisagreement(face, mirrored, 100) < 1e-9);
  const shifted = mirrored.map((v, i) => (i % 2 === 0 ? v + 8 : v));
  assert.ok(Math.abs(mirrorDisagreement(face, shifted, 100) - 0.08) < 1e-6);
  assert.equal(isNotFace(0.99, 0.01), false);
  assert.equal(isNotFace(0.99, 0.08), true);
  assert.equal(isNotFace(0.7, 0.04), true);
  assert.equal(isNotFace(0.95, 0.04), false);
});

test('quality rises with size, sharpness and frontality, within 0..1', () => {
  const face = makeFrontalFace();
  const flat = new Float32Array(64 * 64).fill(0.5);
  const detailed = Float32Array.from({ length: 64 * 64 }, (_, i) => ((i % 64) + Math.floor(i / 64)) % 2 * 0.3);
  assert.equal(scoreSize(20), 0);
  assert.equal(scoreSize(100), 1);
  assert.ok(scoreSize(40) > 0 && scoreSize(40) < scoreSize(60));
  const best = combineQuality(scoreQuality(120, detailed, 64, face));
  const blurry = combineQuality(scoreQuality(120, flat, 64, face));
  const turned = face.slice();
  turned[2 * 30] = 40;
  const profile = combineQuality(scoreQuality(120, detailed, 64, turned));
  const small = combineQuality(scoreQuality(30, detailed, 64, face));
  assert.ok(Math.abs(best - 1) < 1e-9);
  assert.ok(Math.abs(blurry - 0.7) < 1e-9);
  assert.ok(profile < best && profile >= 0.7 - 1e-9);
  assert.ok(small < best && small > 0.6);
});

test('five points come from the 68, and the alignment maps them close to the ArcFace template', () => {
  const face = makeFrontalFace();
  for (let i = 36; i <= 47; i++) face[2 * i + 1] = 40;
  const five = fivePointsOf(face);
  assert.equal(five.length, 5);
  assert.deepEqual(five[2], [face[60], face[61]]);
  const toSource = alignmentOf(face);
  const toAligned = invertAffine(toSource);
  const [lx, ly] = applyAffine(toAligned, ...five[0]!);
  const [rx, ry] = applyAffine(toAligned, ...five[1]!);
  // Eye centres land near the template's eyes (least squares over five points, so not exactly).
  assert.ok(Math.hypot(lx - ARCFACE_TEMPLATE[0]![0], ly - ARCFACE_TEMPLATE[0]![1]) < 8);
  assert.ok(Math.hypot(rx - ARCFACE_TEMPLATE[1]![0], ry - ARCFACE_TEMPLATE[1]![1]) < 8);
  assert.ok(lx < rx);
});
