/**
 * Hard shot cuts from tiny greyscale thumbnails of every decoded frame (frame-accurate).
 * Pure and streaming: push each frame as it is decoded, read the cuts at the end.
 *
 * A frame starts a new shot when its difference to the previous frame is a spike: large in
 * absolute terms and several times the usual frame-to-frame change on both sides of it (so fades,
 * slow zooms, camera motion and noise, which change every frame about as much, never qualify); next
 * to a moving shot, twice the usual change is enough when the grey histogram changes too (motion
 * moves the picture but keeps its tones; a cut brings new ones); and
 * lasting: the new picture differs from the last two or three frames before it, and the one two
 * frames later still differs from the frame before (so a flash and the return from it don't count).
 */

export interface CutDetectorOptions {
  /** Bytes per thumbnail (width × height, one grey byte per pixel). */
  pixels: number;
  /** Smallest mean absolute grey difference (0..255) that can be a cut. */
  minDifference?: number;
  /** How many times the calmer side's typical change a cut must be. */
  minRatio?: number;
  /** How many times the busier side's typical change a cut must be when its histogram changes too. */
  minBusyRatio?: number;
  /** Histogram change (0..1, half the L1 distance of 16-bin grey histograms) that confirms such a cut. */
  minHistogramChange?: number;
  /** Frames looked at on each side of a candidate. */
  window?: number;
}

export const CUT_DEFAULTS = { minDifference: 6, minRatio: 3, minBusyRatio: 2, minHistogramChange: 0.15, window: 6 } as const;

interface Step {
  t: number;
  /** Difference to the previous frame. */
  change: number;
  /** Histogram distance to the previous frame, 0..1. */
  histogramChange: number;
  /** Smaller difference of this frame to the frames two and three back (NaN when not there). */
  back: number;
  /** Difference between the previous frame and the one two frames after this one (NaN until known). */
  lasting: number;
}

export class CutDetector {
  private readonly pixels: number;
  private readonly minDifference: number;
  private readonly minRatio: number;
  private readonly minBusyRatio: number;
  private readonly minHistogramChange: number;
  private previousHistogram: Float64Array | null = null;
  private readonly window: number;
  /** The last four thumbnails, newest last. */
  private readonly recent: Uint8Array[] = [];
  private readonly steps: Step[] = [];
  /** Index in `steps` of the next candidate to decide. */
  private next = 0;
  private readonly found: number[] = [];

  constructor(options: CutDetectorOptions) {
    this.pixels = options.pixels;
    this.minDifference = options.minDifference ?? CUT_DEFAULTS.minDifference;
    this.minRatio = options.minRatio ?? CUT_DEFAULTS.minRatio;
    this.minBusyRatio = options.minBusyRatio ?? CUT_DEFAULTS.minBusyRatio;
    this.minHistogramChange = options.minHistogramChange ?? CUT_DEFAULTS.minHistogramChange;
    this.window = options.window ?? CUT_DEFAULTS.window;
  }

  /** Adds the next decoded frame's thumbnail (copied) and its presentation time. */
  push(t: number, grey: Uint8Array): void {
    if (grey.length !== this.pixels) throw new RangeError(`thumbnail of ${grey.length} bytes, expected ${this.pixels}`);
    const frame = Uint8Array.from(grey);
    const previous = this.recent.at(-1);
    const histogram = greyHistogram(frame);
    if (previous && this.previousHistogram) {
      const back = Math.min(...this.recent.slice(-3, -1).map((old) => meanAbsDifference(old, frame)));
      this.steps.push({
        t,
        change: meanAbsDifference(previous, frame),
        histogramChange: histogramDistance(this.previousHistogram, histogram),
        back: Number.isFinite(back) ? back : Number.NaN,
        lasting: Number.NaN,
      });
      // This frame is two after the step of the frame before last: that step's lasting difference.
      const beforeThat = this.recent.at(-3);
      const target = this.steps.at(-3);
      if (beforeThat && target) target.lasting = meanAbsDifference(beforeThat, frame);
    }
    this.recent.push(frame);
    this.previousHistogram = histogram;
    if (this.recent.length > 4) this.recent.shift();
    this.decide(false);
  }

  /** The cut times found, seconds (time of the first frame of each new shot), ascending. */
  finish(): number[] {
    this.decide(true);
    return [...this.found];
  }

  private decide(isEnd: boolean): void {
    while (this.next < this.steps.length && (isEnd || this.next + this.window < this.steps.length)) {
      if (this.isCut(this.next)) this.found.push(this.steps[this.next]!.t);
      this.next += 1;
    }
    // Keep only what later decisions can still look at.
    const drop = this.next - this.window;
    if (drop > 256) {
      this.steps.splice(0, drop);
      this.next -= drop;
    }
  }

  private isCut(i: number): boolean {
    const step = this.steps[i]!;
    if (step.change < this.minDifference) return false;
    // A flash returns to the picture before it; a cut does not. Unknown at either end: accept.
    if (!Number.isNaN(step.lasting) && step.lasting < step.change / 2) return false;
    if (!Number.isNaN(step.back) && step.back < step.change / 2) return false;
    const before = this.steps.slice(Math.max(0, i - this.window), i).map((s) => s.change);
    const after = this.steps.slice(i + 1, i + 1 + this.window).map((s) => s.change);
    const [calm, busy] = [median(before), median(after)].sort((x, y) => x - y) as [number, number];
    if (step.change < this.minRatio * calm) return false;
    if (step.change >= this.minRatio * busy) return true;
    return step.change >= this.minBusyRatio * busy && step.histogramChange >= this.minHistogramChange;
  }
}

export function meanAbsDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs(a[i]! - b[i]!);
  return a.length === 0 ? 0 : sum / a.length;
}

function greyHistogram(frame: Uint8Array): Float64Array {
  const bins = new Float64Array(16);
  for (const value of frame) bins[value >> 4]! += 1;
  for (let i = 0; i < bins.length; i += 1) bins[i]! /= frame.length || 1;
  return bins;
}

function histogramDistance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs(a[i]! - b[i]!);
  return sum / 2;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
