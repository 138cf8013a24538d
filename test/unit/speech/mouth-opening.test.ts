import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mouthOpening } from '../../../engine/src/stages/speech/mouth-opening.js';

/** 68 points all at (50, 50) but the inner lips: upper (61-63) at y = 60, lower (65-67) at y = 60 + gap. */
function face(gap: number, scale = 1): Float32Array {
  const points = new Float32Array(136).fill(50 * scale);
  for (const i of [61, 62, 63]) points[2 * i + 1] = 60 * scale;
  for (const i of [65, 66, 67]) points[2 * i + 1] = (60 + gap) * scale;
  return points;
}

test('the inner-lip gap over the face size: closed is 0, the same mouth in a bigger picture is as open', () => {
  assert.equal(mouthOpening(face(0), 100), 0);
  assert.ok(Math.abs(mouthOpening(face(8), 100) - 0.08) < 1e-6);
  assert.ok(Math.abs(mouthOpening(face(8, 3), 300) - 0.08) < 1e-6);
  assert.equal(mouthOpening(face(8), 0), 0);
  assert.throws(() => mouthOpening(new Float32Array(10), 100), /68 landmarks/);
});
