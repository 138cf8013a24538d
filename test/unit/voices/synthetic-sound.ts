/** Sound made by the tests: tones, harmonic "voices" with a vowel-like envelope, noise, silence. */

import { random } from '../../fixtures/random.js';

export function tone(hz: number, seconds: number, sampleRate = 16000, amplitude = 0.3): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate));
}

export function silence(seconds: number, sampleRate = 16000): Float32Array {
  return new Float32Array(Math.round(seconds * sampleRate));
}

export function noise(seconds: number, seed: number, sampleRate = 16000, amplitude = 0.2): Float32Array {
  const next = random(seed);
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, () => amplitude * (2 * next() - 1));
}

/**
 * A voice-like sound: a fundamental with 30 harmonics shaped by resonances at `formants` (Hz), the
 * pitch gliding around `hz` (±`wobble` of it, `glideHz` times a second: slowly by default, a hum;
 * speech glides faster) and the loudness varying syllable by syllable.
 */
export function harmonicVoice(hz: number, seconds: number, options: { formants?: number[]; seed?: number; wobble?: number; glideHz?: number; sampleRate?: number } = {}): Float32Array {
  const { formants = [700, 1200, 2600], seed = 1, wobble = 0.06, glideHz = 0.7, sampleRate = 16000 } = options;
  const next = random(seed);
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const gain = (f: number) => formants.reduce((g, center) => g + 1 / (1 + ((f - center) / 120) ** 2), 0.05);
  let phase = 0;
  const glide = next() * 2 * Math.PI;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const f0 = hz * (1 + wobble * Math.sin(2 * Math.PI * glideHz * t + glide));
    phase += (2 * Math.PI * f0) / sampleRate;
    let x = 0;
    for (let k = 1; k <= 30 && k * f0 < sampleRate / 2; k++) x += (gain(k * f0) / k) * Math.sin(k * phase);
    const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t + glide);
    out[i] = 0.15 * syllable * x + 0.002 * (2 * next() - 1);
  }
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every other sample averaged: 16 kHz to 8 kHz, as the pitch search hears it. */
export function halve(x: Float32Array): Float32Array {
  return Float32Array.from({ length: Math.floor(x.length / 2) }, (_, i) => (x[2 * i]! + x[2 * i + 1]!) / 2);
}

/** A sung melody: `notes` (Hz) held `secondsPerNote` each, with vibrato (±`vibrato` semitones at 5.5 Hz) and six harmonics. */
export function sungNotes(notes: readonly number[], secondsPerNote: number, vibrato = 0.4, sampleRate = 16000): Float32Array {
  const out = new Float32Array(Math.round(notes.length * secondsPerNote * sampleRate));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const f0 = notes[Math.min(notes.length - 1, Math.floor(t / secondsPerNote))]! * 2 ** ((vibrato / 12) * Math.sin(2 * Math.PI * 5.5 * t));
    phase += (2 * Math.PI * f0) / sampleRate;
    let x = 0;
    for (let k = 1; k <= 6; k++) x += Math.sin(k * phase) / k;
    out[i] = 0.2 * x;
  }
  return out;
}
