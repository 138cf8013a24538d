/**
 * What a stretch of speech sounds like, summed frame by frame in constant memory: a histogram of
 * pitch (quarter-semitone bins, for its median and spread) and running sums of the spectral
 * features of the voiced frames. Two summaries add up to the summary of both, so a group of
 * segments is described exactly like one segment. Pure.
 */
import type { FrameSpectrum } from './spectrum.js';

/** The pitch histogram's lowest edge, Hz, and its bins (quarter semitones up to about 530 Hz). */
const HISTOGRAM_FROM_HZ = 50;
const BINS_PER_SEMITONE = 4;
const HISTOGRAM_BINS = 4 * 12 * 4 + 16;

export interface VoiceFeatures {
  frames: number;
  voicedFrames: number;
  /** Voiced frames per pitch bin. */
  pitchHistogram: Float64Array;
  /** Sums over voiced frames of each MFCC and of its square. */
  mfccSum: Float64Array;
  mfccSquares: Float64Array;
  centroidSum: number;
  tiltSum: number;
  /** Sum of voiced frames' loudness (root mean square), for choosing a clear sample. */
  loudnessSum: number;
  /**
   * Voiced frames in held notes: runs of at least `minRun` voiced frames whose pitch stays within a
   * semitone of the run's mean (music and singing hold notes; speech glides). See SteadyPitchRun.
   */
  steadyFrames: number;
}

export function emptyFeatures(coefficients: number): VoiceFeatures {
  return { frames: 0, voicedFrames: 0, pitchHistogram: new Float64Array(HISTOGRAM_BINS), mfccSum: new Float64Array(coefficients), mfccSquares: new Float64Array(coefficients), centroidSum: 0, tiltSum: 0, loudnessSum: 0, steadyFrames: 0 };
}

/** Adds one frame: its pitch (null when unvoiced), and its spectrum and loudness when voiced. */
export function addFrame(features: VoiceFeatures, pitchHz: number | null, spectrum: FrameSpectrum | null, loudness: number): void {
  features.frames++;
  if (pitchHz === null || spectrum === null) return;
  features.voicedFrames++;
  const bin = Math.round(semitonesOf(pitchHz) * BINS_PER_SEMITONE);
  features.pitchHistogram[Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin))]! += 1;
  for (let k = 0; k < features.mfccSum.length; k++) {
    features.mfccSum[k]! += spectrum.mfcc[k]!;
    features.mfccSquares[k]! += spectrum.mfcc[k]! ** 2;
  }
  features.centroidSum += spectrum.centroidHz;
  features.tiltSum += spectrum.tiltDbPerOctave;
  features.loudnessSum += loudness;
}

export function mergeFeatures(a: VoiceFeatures, b: VoiceFeatures): VoiceFeatures {
  const add = (x: Float64Array, y: Float64Array) => x.map((v, i) => v + y[i]!);
  return {
    frames: a.frames + b.frames,
    voicedFrames: a.voicedFrames + b.voicedFrames,
    pitchHistogram: add(a.pitchHistogram, b.pitchHistogram),
    mfccSum: add(a.mfccSum, b.mfccSum),
    mfccSquares: add(a.mfccSquares, b.mfccSquares),
    centroidSum: a.centroidSum + b.centroidSum,
    tiltSum: a.tiltSum + b.tiltSum,
    loudnessSum: a.loudnessSum + b.loudnessSum,
    steadyFrames: a.steadyFrames + b.steadyFrames,
  };
}

export interface VoiceSummary {
  voicedFrames: number;
  /** Share of frames that were voiced, 0..1. */
  voicedShare: number;
  pitchHz: number | null;
  /** Spread of pitch: the interquartile range in semitones (a monotone voice is near 0). */
  pitchSpreadSemitones: number | null;
  mfccMean: number[];
  mfccStd: number[];
  centroidHz: number | null;
  tiltDbPerOctave: number | null;
  meanLoudness: number;
  /** Share of voiced frames in held notes (steadyFrames over voicedFrames), 0..1. */
  steadyShare: number;
}

export function summarize(f: VoiceFeatures): VoiceSummary {
  const n = f.voicedFrames;
  const mean = (sum: number) => (n > 0 ? sum / n : null);
  const mfccMean = [...f.mfccSum].map((s) => (n > 0 ? s / n : 0));
  const mfccStd = [...f.mfccSquares].map((s, k) => (n > 1 ? Math.sqrt(Math.max(0, s / n - mfccMean[k]! ** 2)) : 0));
  const q = (p: number) => quantileSemitones(f.pitchHistogram, p);
  const median = q(0.5);
  return {
    voicedFrames: n,
    voicedShare: f.frames > 0 ? n / f.frames : 0,
    pitchHz: median === null ? null : hzOf(median),
    pitchSpreadSemitones: median === null ? null : q(0.75)! - q(0.25)!,
    mfccMean,
    mfccStd,
    centroidHz: mean(f.centroidSum),
    tiltDbPerOctave: mean(f.tiltSum),
    meanLoudness: mean(f.loudnessSum) ?? 0,
    steadyShare: n > 0 ? (f.steadyFrames ?? 0) / n : 0,
  };
}

export function semitonesOf(hz: number): number {
  return 12 * Math.log2(hz / HISTOGRAM_FROM_HZ);
}

export function hzOf(semitones: number): number {
  return HISTOGRAM_FROM_HZ * 2 ** (semitones / 12);
}

/** The p-quantile of the histogram, in semitones above its lowest edge; null when empty. */
function quantileSemitones(histogram: Float64Array, p: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    const count = histogram[bin]!;
    if (seen + count >= p * total && count > 0) return (bin + (p * total - seen) / count - 0.5) / BINS_PER_SEMITONE;
    seen += count;
  }
  return (histogram.length - 1) / BINS_PER_SEMITONE;
}

/**
 * Follows the pitch frame by frame and counts the frames of held notes: a run of voiced frames
 * each within `tolerance` semitones of the run's running mean (vibrato of half a semitone stays
 * in), counted when it lasts `minRun` frames. Constant memory.
 */
export class SteadyPitchRun {
  private length = 0;
  private sum = 0;

  constructor(
    private readonly minRun: number,
    private readonly tolerance = 1,
  ) {}

  /** The next frame's pitch (null: unvoiced). Returns the frames of a held note that just ended (0 if none). */
  push(pitchHz: number | null): number {
    if (pitchHz === null) return this.end();
    const semitones = semitonesOf(pitchHz);
    if (this.length > 0 && Math.abs(semitones - this.sum / this.length) > this.tolerance) {
      const ended = this.end();
      this.start(semitones);
      return ended;
    }
    if (this.length === 0) this.start(semitones);
    else [this.length, this.sum] = [this.length + 1, this.sum + semitones];
    return 0;
  }

  /** Ends the run (a segment's end): the frames of the held note it was, or 0. */
  end(): number {
    const held = this.length >= this.minRun ? this.length : 0;
    [this.length, this.sum] = [0, 0];
    return held;
  }

  private start(semitones: number): void {
    [this.length, this.sum] = [1, semitones];
  }
}
