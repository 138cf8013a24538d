/**
 * Bilinear taps along one axis, shared by the resizers. The tap arrays are scratch, reused from call to
 * call (the detector prepares several views per frame; fresh arrays each time were garbage for nothing):
 * a caller reads them before its next call, and never keeps them.
 */
export interface Taps {
  /** Offset of the first tap (index * stride), or -1 when the sample point is outside the picture. */
  a: Int32Array;
  /** Offset of the second tap: `a + stride`, or `a` at the last pixel (always when `isPaired`, except on a one-pixel axis). */
  b: Int32Array;
  /** Weight of the second tap (float32, as the model inputs have always been computed with it). */
  w: Float32Array;
  /** The outputs whose sample point is inside the picture: `first <= i < end` (a run: the mapping is linear). */
  first: number;
  end: number;
}

/** Two scratch sets: one per axis. */
const scratch: [Taps, Taps] = [emptyTaps(), emptyTaps()];

function emptyTaps(): Taps {
  return { a: new Int32Array(0), b: new Int32Array(0), w: new Float32Array(0), first: 0, end: 0 };
}

/**
 * Output i samples `start + (i + 0.5) * step - 0.5` (source pixel units; OpenCV's INTER_LINEAR centres).
 * Within half a pixel of the picture the edge pixel is replicated; farther out the tap is -1. `axis`
 * picks the scratch set (0 for columns, 1 for rows); the result is valid until the next call on that axis.
 *
 * With `isPaired`, a point at or past the last pixel reads the last two pixels with all the weight on the
 * second (rather than the last pixel twice with none on the second), so the second tap is always the
 * next pixel and a sampler can read both in one go. For integer pixel values `v + (u - v) * 1` is exactly
 * `u`, as `u + (u - u) * 0` was, so this is for the horizontal pass only (the vertical one blends values
 * that are not integers).
 */
export function computeTaps(start: number, step: number, count: number, size: number, stride: number, axis: 0 | 1, isPaired = false): Taps {
  const taps = scratch[axis];
  if (taps.a.length < count) {
    taps.a = new Int32Array(count);
    taps.b = new Int32Array(count);
    taps.w = new Float32Array(count);
  }
  const { a, b, w } = taps;
  let first = count;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const f = start + (i + 0.5) * step - 0.5;
    if (f < -0.5 || f > size - 0.5) {
      a[i] = -1;
      continue;
    }
    const clamped = Math.min(Math.max(f, 0), size - 1);
    const i0 = Math.floor(clamped);
    if (isPaired && i0 === size - 1 && size > 1) {
      a[i] = (i0 - 1) * stride;
      b[i] = i0 * stride;
      w[i] = 1;
    } else {
      a[i] = i0 * stride;
      b[i] = Math.min(i0 + 1, size - 1) * stride;
      w[i] = clamped - i0;
    }
    if (first === count) first = i;
    end = i + 1;
  }
  taps.first = first;
  taps.end = Math.max(first, end);
  return taps;
}
