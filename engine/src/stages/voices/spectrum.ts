/**
 * The spectral shape of one frame of sound: mel-frequency cepstral coefficients (the envelope that
 * the vocal tract gives a voice), the spectral centroid and the spectral tilt. Pure; the filters
 * are computed once per settings.
 */

import { fft, twiddlesFor } from './fft.js';

export interface SpectrumSettings {
  sampleRate: number;
  /** Samples per frame: a power of two. */
  size: number;
  melBands: number;
  /** Coefficients kept, c0 (overall loudness) included. */
  coefficients: number;
  lowHz: number;
  highHz: number;
}

/** 32 ms frames (speech recognisers' usual 25 ms, to the next power of two). */
export const SPECTRUM_SETTINGS: SpectrumSettings = { sampleRate: 16000, size: 512, melBands: 26, coefficients: 13, lowHz: 60, highHz: 7600 };

export interface FrameSpectrum {
  /** MFCCs, c0 first (natural-log mel energies through a DCT-II). */
  mfcc: Float64Array;
  /** Power-weighted mean frequency, Hz. */
  centroidHz: number;
  /** Slope of the mel band energies against frequency, dB per octave (voices fall off: negative). */
  tiltDbPerOctave: number;
}

export class SpectrumAnalyzer {
  private readonly window: Float64Array;
  private readonly filters: { from: number; weights: Float64Array; centerHz: number }[];
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly power: Float64Array;
  private readonly logMel: Float64Array;
  private readonly twiddles: { cos: Float64Array; sin: Float64Array };
  private readonly dctTable: Float64Array[];
  private readonly centers: number[];

  constructor(private readonly settings: SpectrumSettings = SPECTRUM_SETTINGS) {
    if ((settings.size & (settings.size - 1)) !== 0) throw new Error('SpectrumAnalyzer: size must be a power of two');
    this.window = Float64Array.from({ length: settings.size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / settings.size));
    this.filters = melFilters(settings);
    this.re = new Float64Array(settings.size);
    this.im = new Float64Array(settings.size);
    this.power = new Float64Array(settings.size / 2 + 1);
    this.logMel = new Float64Array(settings.melBands);
    this.twiddles = twiddlesFor(settings.size);
    this.dctTable = dctTable(settings.melBands, settings.coefficients);
    this.centers = this.filters.map((f) => f.centerHz);
  }

  analyze(frame: ArrayLike<number>): FrameSpectrum {
    const { size, sampleRate, coefficients } = this.settings;
    for (let i = 0; i < size; i++) {
      this.re[i] = (frame[i] ?? 0) * this.window[i]!;
      this.im[i] = 0;
    }
    fft(this.re, this.im, this.twiddles);
    const bins = size / 2 + 1;
    const power = this.power;
    let total = 0;
    let weighted = 0;
    for (let k = 0; k < bins; k++) {
      power[k] = this.re[k]! * this.re[k]! + this.im[k]! * this.im[k]!;
      total += power[k]!;
      weighted += power[k]! * ((k * sampleRate) / size);
    }
    this.filters.forEach((f, b) => {
      let e = 0;
      for (let i = 0; i < f.weights.length; i++) e += f.weights[i]! * power[f.from + i]!;
      this.logMel[b] = Math.log(e + 1e-10);
    });
    const mfcc = new Float64Array(coefficients);
    for (let k = 0; k < coefficients; k++) {
      const row = this.dctTable[k]!;
      let sum = 0;
      for (let i = 0; i < row.length; i++) sum += this.logMel[i]! * row[i]!;
      mfcc[k] = sum;
    }
    return { mfcc, centroidHz: total > 0 ? weighted / total : 0, tiltDbPerOctave: tilt(this.logMel, this.centers) };
  }
}

const toMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const fromMel = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

function melFilters({ sampleRate, size, melBands, lowHz, highHz }: SpectrumSettings): { from: number; weights: Float64Array; centerHz: number }[] {
  const edges = Array.from({ length: melBands + 2 }, (_, i) => fromMel(toMel(lowHz) + ((toMel(highHz) - toMel(lowHz)) * i) / (melBands + 1)));
  const binHz = sampleRate / size;
  return Array.from({ length: melBands }, (_, b) => {
    const [left, center, right] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
    const from = Math.ceil(left / binHz);
    const to = Math.floor(right / binHz);
    const weights = Float64Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => {
      const hz = (from + i) * binHz;
      return hz <= center ? (hz - left) / (center - left) : (right - hz) / (right - center);
    });
    return { from, weights, centerHz: center };
  });
}

/** Rows of an orthonormal DCT-II: coefficient k is the dot product of row k with the values. */
function dctTable(n: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, k) => Float64Array.from({ length: n }, (_, i) => Math.cos((Math.PI * k * (i + 0.5)) / n) * Math.sqrt((k === 0 ? 1 : 2) / n)));
}

/** Least-squares slope of band energy (dB) against log2 frequency. */
function tilt(logMel: Float64Array, centers: number[]): number {
  const xs = centers.map((hz) => Math.log2(hz));
  const ys = [...logMel].map((e) => (10 * e) / Math.LN10);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}
