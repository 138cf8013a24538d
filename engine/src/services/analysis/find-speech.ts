/**
 * Where someone speaks in a video's sound: ffmpeg decodes it to 16 kHz mono in 32 ms windows, the
 * voice model (Silero VAD) gives each window a probability of speech, carrying its state from one
 * window to the next, and the speech stage turns the probabilities into segments. Constant memory
 * but for one probability and one loudness figure per window (about 31 a second).
 */
import { getModelEntry } from '../../adapters/models/manifest.js';
import type { Engine } from '../engine.js';
import { SPEECH_SETTINGS, speechSegments, type Segment } from '../../stages/speech/speech-segments.js';

export interface SpeechFound {
  /** False for a video without a sound track (or an empty one). */
  hasSound: boolean;
  segments: Segment[];
  /** Speech probability per window of `windowSeconds`. */
  probabilities: Float32Array;
  /** Loudness per window: root mean square of the samples, 0..1. */
  loudness: Float32Array;
  windowSeconds: number;
}

const STATE_SIZE = 2 * 1 * 64;

export async function findSpeech(engine: Engine, path: string, options: { signal?: AbortSignal } = {}): Promise<SpeechFound> {
  const input = getModelEntry('vad').input;
  if (!('kind' in input)) throw new Error('models/manifest.json: the vad model should take sound');
  const { windows, hasSound } = engine.ffmpeg.streamAudio(path, { sampleRate: input.sampleRate, window: input.window, ...(options.signal ? { signal: options.signal } : {}) });
  const sampleRate = { data: BigInt64Array.of(BigInt(input.sampleRate)), dims: [] };
  let h: Float32Array = new Float32Array(STATE_SIZE);
  let c: Float32Array = new Float32Array(STATE_SIZE);
  const probabilities = new Grow();
  const loudness = new Grow();
  for await (const window of windows) {
    const out = await engine.models.run('vad', { input: { data: window, dims: [1, input.window] }, sr: sampleRate, h: { data: h, dims: [2, 1, 64] }, c: { data: c, dims: [2, 1, 64] } });
    probabilities.push(out.output!.data[0]!);
    h = out.hn!.data;
    c = out.cn!.data;
    let energy = 0;
    for (const x of window) energy += x * x;
    loudness.push(Math.sqrt(energy / window.length));
  }
  const p = probabilities.values();
  const windowSeconds = input.window / input.sampleRate;
  return { hasSound: await hasSound, segments: speechSegments(p, { ...SPEECH_SETTINGS, windowSeconds }), probabilities: p, loudness: loudness.values(), windowSeconds };
}

/** A float list that grows by doubling (one number per window; an hour is about 112,000). */
class Grow {
  private data = new Float32Array(1024);
  private length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  values(): Float32Array {
    return this.data.slice(0, this.length);
  }
}
