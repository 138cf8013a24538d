/**
 * The features of each speech segment, from the sound as it streams past: a frame of the last
 * `frameSize` samples is analysed every `hop` samples when its middle falls inside a segment.
 * Constant memory (one frame, one summary per segment). Pure: the caller feeds the samples.
 */
import { PITCH_SETTINGS, pitchFrameLength, pitchOf, rms, type PitchSettings } from './pitch.js';
import { SPECTRUM_SETTINGS, SpectrumAnalyzer, type SpectrumSettings } from './spectrum.js';
import { addFrame, emptyFeatures, SteadyPitchRun, type VoiceFeatures } from './voice-features.js';

export interface FeatureSettings {
  sampleRate: number;
  /** Samples between two analysed frames (320 at 16 kHz: 20 ms, 50 a second). */
  hop: number;
  pitch: PitchSettings;
  spectrum: SpectrumSettings;
  /** Frames a held note lasts at least (15 hops of 20 ms: 0.3 s; a spoken vowel glides sooner). */
  minHeldFrames: number;
}

export const FEATURE_SETTINGS: FeatureSettings = { sampleRate: 16000, hop: 320, pitch: PITCH_SETTINGS, spectrum: SPECTRUM_SETTINGS, minHeldFrames: 15 };

export class SegmentFeatureCollector {
  private readonly frameSize: number;
  private readonly ring: Float32Array;
  private readonly frame: Float32Array;
  /** The frame at the pitch search's rate (neighbouring samples averaged). */
  private readonly halved: Float32Array;
  private readonly decimation: number;
  private readonly spectra: SpectrumAnalyzer;
  private readonly features: VoiceFeatures[];
  private readonly held: SteadyPitchRun;
  private samplesSeen = 0;
  private segment = 0;

  /** `segments`: [start, end] in seconds, in time order, not overlapping. */
  constructor(private readonly segments: readonly (readonly [number, number])[], private readonly settings: FeatureSettings = FEATURE_SETTINGS) {
    this.decimation = Math.max(1, Math.round(settings.sampleRate / settings.pitch.sampleRate));
    this.frameSize = Math.max(settings.spectrum.size, pitchFrameLength(settings.pitch) * this.decimation);
    this.halved = new Float32Array(Math.floor(this.frameSize / this.decimation));
    this.ring = new Float32Array(this.frameSize);
    this.frame = new Float32Array(this.frameSize);
    this.spectra = new SpectrumAnalyzer(settings.spectrum);
    this.features = segments.map(() => emptyFeatures(settings.spectrum.coefficients));
    this.held = new SteadyPitchRun(settings.minHeldFrames);
  }

  push(samples: ArrayLike<number>): void {
    for (let i = 0; i < samples.length; i++) {
      this.ring[this.samplesSeen % this.frameSize] = samples[i]!;
      this.samplesSeen++;
      if (this.samplesSeen >= this.frameSize && this.samplesSeen % this.settings.hop === 0) this.analyzeFrame();
    }
  }

  /** One summary per segment, in the segments' order. */
  result(): VoiceFeatures[] {
    this.endHeldNote();
    return this.features;
  }

  private analyzeFrame(): void {
    const middle = (this.samplesSeen - this.frameSize / 2) / this.settings.sampleRate;
    while (this.segment < this.segments.length && this.segments[this.segment]![1] <= middle) {
      this.endHeldNote();
      this.segment++;
    }
    const current = this.segments[this.segment];
    if (!current || middle < current[0]) return;
    const start = this.samplesSeen % this.frameSize;
    this.frame.set(this.ring.subarray(start), 0);
    this.frame.set(this.ring.subarray(0, start), this.frameSize - start);
    for (let i = 0; i < this.halved.length; i++) {
      let sum = 0;
      for (let k = 0; k < this.decimation; k++) sum += this.frame[i * this.decimation + k]!;
      this.halved[i] = sum / this.decimation;
    }
    const pitch = pitchOf(this.halved, this.settings.pitch);
    const loudness = rms(this.frame);
    // The spectrum of the frame's middle (the pitch search needs a longer frame than the spectrum).
    const spectrum = pitch === null ? null : this.spectra.analyze(this.frame.subarray((this.frameSize - this.settings.spectrum.size) >> 1));
    addFrame(this.features[this.segment]!, pitch, spectrum, loudness);
    this.features[this.segment]!.steadyFrames += this.held.push(pitch === null || spectrum === null ? null : pitch);
  }

  /** A held note ends with its segment: its frames count for it. */
  private endHeldNote(): void {
    const features = this.features[Math.min(this.segment, this.features.length - 1)];
    const held = this.held.end();
    if (features) features.steadyFrames += held;
  }
}
