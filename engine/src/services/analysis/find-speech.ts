/**
 * Where someone speaks in a video's sound: ffmpeg decodes it to 16 kHz mono in 32 ms windows, the
 * voice model (Silero VAD) gives each window a probability of speech, carrying its state from one
 * window to the next (many stretches of sound side by side in one batch: see vad-lanes.ts), and the
 * speech stage turns the probabilities into segments. Constant memory
 * but for one probability and one loudness figure per window (about 31 a second).
 */
import { getModelEntry } from '../../adapters/models/manifest.js';
import type { Engine } from '../engine.js';
import { SPEECH_SETTINGS, speechSegments, type Segment } from '../../stages/speech/speech-segments.js';
import { LANE_SETTINGS, runInLanes, type RunVadBatch } from '../../stages/speech/vad-lanes.js';

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

export async function findSpeech(engine: Engine, path: string, options: { signal?: AbortSignal } = {}): Promise<SpeechFound> {
  const input = getModelEntry('vad').input;
  if (!('kind' in input)) throw new Error('models/manifest.json: the vad model should take sound');
  const { windows, hasSound } = engine.ffmpeg.streamAudio(path, { sampleRate: input.sampleRate, window: input.window, ...(options.signal ? { signal: options.signal } : {}) });
  const sampleRate = { data: BigInt64Array.of(BigInt(input.sampleRate)), dims: [] };
  const runBatch: RunVadBatch = async (data, batch, state) => {
    const out = await engine.models.run('vad', { input: { data, dims: [batch, input.window] }, sr: sampleRate, h: { data: state.h, dims: [2, batch, 64] }, c: { data: state.c, dims: [2, batch, 64] } });
    return { probabilities: out.output!.data, h: out.hn!.data, c: out.cn!.data };
  };
  // A block of sound at a time (about 2 minutes, 8 MB): constant memory.
  const blockWindows = LANE_SETTINGS.lanes * LANE_SETTINGS.laneWindows;
  const block = new Float32Array(blockWindows * input.window);
  let before = new Float32Array(0);
  let count = 0;
  const probabilities = new Grow();
  const loudness = new Grow();
  const flush = async () => {
    if (count === 0) return;
    for (const p of await runInLanes(block, count, input.window, before, runBatch)) probabilities.push(p);
    before = block.slice((count - Math.min(count, LANE_SETTINGS.warmup)) * input.window, count * input.window);
    count = 0;
  };
  for await (const window of windows) {
    block.set(window, count * input.window);
    count++;
    loudness.push(rootMeanSquare(window));
    if (count === blockWindows) await flush();
  }
  await flush();
  const p = probabilities.values();
  const windowSeconds = input.window / input.sampleRate;
  return { hasSound: await hasSound, segments: speechSegments(p, { ...SPEECH_SETTINGS, windowSeconds }), probabilities: p, loudness: loudness.values(), windowSeconds };
}

function rootMeanSquare(window: Float32Array): number {
  let energy = 0;
  for (const x of window) energy += x * x;
  return Math.sqrt(energy / window.length);
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
