/**
 * The pitch of one frame of sound, by YIN (de Cheveigné and Kawahara, 2002): the lag at which the
 * frame best matches a shifted copy of itself, judged on the cumulative-mean-normalised difference
 * so that a lag's multiples do not win. Pure. A frame is voiced when the match is good enough and
 * the frame is not too quiet; else its pitch is null.
 */

export interface PitchSettings {
  sampleRate: number;
  /** Lowest and highest pitch looked for, Hz (speech: about 60–400). */
  minHz: number;
  maxHz: number;
  /** Samples compared at each lag. */
  window: number;
  /** A lag counts as the period when its normalised difference falls below this (YIN's threshold). */
  threshold: number;
  /** Frames quieter than this (root mean square of the samples, 0..1) are not voiced. */
  minLoudness: number;
}

/** At 8 kHz (the sound halved): speech's pitch is far below 4 kHz, and the search costs a quarter. */
export const PITCH_SETTINGS: PitchSettings = { sampleRate: 8000, minHz: 60, maxHz: 420, window: 256, threshold: 0.15, minLoudness: 0.005 };

/** Samples a frame must hold for `pitchOf`: the window and the longest lag. */
export function pitchFrameLength(settings: PitchSettings = PITCH_SETTINGS): number {
  return settings.window + Math.ceil(settings.sampleRate / settings.minHz) + 1;
}

/** The frame's pitch in Hz, or null when it is unvoiced (noise, silence, a breath). */
export function pitchOf(frame: ArrayLike<number>, settings: PitchSettings = PITCH_SETTINGS): number | null {
  const minLag = Math.floor(settings.sampleRate / settings.maxHz);
  const maxLag = Math.ceil(settings.sampleRate / settings.minHz);
  const w = settings.window;
  if (frame.length < w + maxLag + 1) throw new Error(`pitchOf needs ${w + maxLag + 1} samples, got ${frame.length}`);
  if (rms(frame, w + maxLag) < settings.minLoudness) return null;
  const d = new Float64Array(maxLag + 2);
  let running = 0;
  // The normalised difference is computed lag by lag, and the search stops one lag past the first
  // dip below the threshold (its minimum): a voice's period is found long before the longest lag.
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    let sum = 0;
    for (let j = 0; j < w; j++) {
      const diff = frame[j]! - frame[j + lag]!;
      sum += diff * diff;
    }
    running += sum;
    d[lag] = running > 0 ? (sum * lag) / running : 1;
    const previous = lag - 1;
    if (previous >= minLag && previous <= maxLag && d[previous]! < settings.threshold && d[lag]! >= d[previous]!) {
      return settings.sampleRate / refine(d, previous);
    }
  }
  return null;
}

/** The lag between samples, from a parabola through the minimum and its neighbours. */
function refine(d: Float64Array, lag: number): number {
  const a = d[lag - 1]!;
  const b = d[lag]!;
  const c = d[lag + 1]!;
  const denominator = a - 2 * b + c;
  if (!(denominator > 0)) return lag;
  const shift = (a - c) / (2 * denominator);
  return Math.abs(shift) < 1 ? lag + shift : lag;
}

export function rms(frame: ArrayLike<number>, length = frame.length): number {
  let energy = 0;
  for (let i = 0; i < length; i++) energy += frame[i]! * frame[i]!;
  return Math.sqrt(energy / Math.max(1, length));
}
