/**
 * The features of each speech segment, from the sound as it streams past: a frame of the last
 * `frameSize` samples is analysed every `hop` samples when its middle falls inside a segment.
 * Constant memory (one frame, one summary per segment). Pure: the caller feeds the samples.
 */
import { PITCH_SETTINGS, pitchFrameLength, pitchOf, rms, type PitchSettings } from './pitch.js';
import { SPECTRUM_SETTINGS, SpectrumAnalyzer, type SpectrumSettings } from './spectrum.js';
import { addFrame, emptyFeatures, type VoiceFeatures } from './voice-features.js';

export interface FeatureSettings {
  sampleRate: number;
  /** Samples between two analysed frames (320 at 16 kHz: 20 ms, 50 a second). */
  hop: number;
  pitch: PitchSettings;
  spectrum: SpectrumSettings;
}

export const FEATURE_SETTINGS: FeatureSettings = { sampleRate: 16000, hop: 320, pitch: PITCH_SETTINGS, spectrum: SPECTRUM_SETTINGS };

export class SegmentFeatureCollector {
  private readonly frameSize: number;
  private readonly ring: Float32Array;
  private readonly frame: Float32Array;
  /** The frame at the pitch search's rate (neighbouring samples averaged). */
  private readonly halved: Float32Array;
  private readonly decimation: number;
  private readonly spectra: SpectrumAnalyzer;
  private readonly features: VoiceFeatures[];
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
    return this.features;
  }

  private analyzeFrame(): void {
    const middle = (this.samplesSeen - this.frameSize / 2) / this.settings.sampleRate;
    while (this.segment < this.segments.length && this.segments[this.segment]![1] <= middle) this.segment++;
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
  }
}
