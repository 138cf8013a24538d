/**
 * Pictures at chosen moments and places only: for each span of the video, one ffmpeg process seeks
 * to its start (`-ss` before the input: from the key frame before it), decodes to its end, skipping
 * the frames no other frame refers to and the deblocking filter, and hands over `fps` pictures a second of the span's region,
 * RGB24, one at a time as the consumer asks (constant memory). The speaking-time path uses it to
 * watch mouths inside speech. Part of the ffmpeg adapter.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Box } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { describeInput } from '../stages/frames/ffmpeg-args.js';
import type { Frame } from '../stages/frames/frame.js';
import { lastMeaningfulLine } from '../stages/frames/probe.js';

export interface VideoSpan {
  start: number;
  end: number;
  /** The part of the picture wanted, in source pixels (inside the picture). */
  region: Box;
  /** The picture is scaled by at most this (default 1; `maxSide` may ask for less). */
  maxScale?: number;
}

export interface SpanFramesOptions {
  /** Pictures per second inside each span. */
  fps: number;
  /** The region is scaled down so that its longer side is at most this many pixels. */
  maxSide: number;
  signal?: AbortSignal;
}

export interface SpanFrame extends Frame {
  /** Index of the span the picture belongs to. */
  span: number;
  /** Where the picture lies in the source: source x = region[0] + picture x / scale. */
  region: Box;
  scale: number;
}

/** Spans in time order. `Frame.index` counts pictures over all spans. */
export async function* readSpanFrames(ffmpeg: string, input: string, spans: readonly VideoSpan[], options: SpanFramesOptions): AsyncGenerator<SpanFrame> {
  let index = 0;
  for (let span = 0; span < spans.length; span++) {
    const { start, end, region } = spans[span]!;
    if (!(end > start) || !(region[2] >= 2 && region[3] >= 2)) continue;
    for await (const picture of readOneSpan(ffmpeg, input, spans[span]!, options)) yield { ...picture, index: index++, span };
  }
}

/** Crop and scale, as whole even pixels (what yuv420p pictures allow). */
function pictureOf(region: Box, maxSide: number, maxScale = 1): { crop: [number, number, number, number]; width: number; height: number; scale: number } {
  const even = (v: number) => Math.max(2, 2 * Math.floor(v / 2));
  const crop: [number, number, number, number] = [even(region[2]), even(region[3]), 2 * Math.floor(region[0] / 2), 2 * Math.floor(region[1] / 2)];
  const scale = Math.min(1, maxScale, maxSide / Math.max(crop[0], crop[1]));
  return { crop, width: even(crop[0] * scale), height: even(crop[1] * scale), scale };
}

async function* readOneSpan(ffmpeg: string, input: string, span: VideoSpan, options: SpanFramesOptions): AsyncGenerator<Omit<SpanFrame, 'index' | 'span'>> {
  if (options.signal?.aborted) throw new OnscreenError('interrupted', 'The analysis was cancelled.');
  const { crop, width, height } = pictureOf(span.region, options.maxSide, span.maxScale);
  const args = [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error',
    // Nor is the deblocking filter run: a sixth less decoding, and a mouth's opening is measured
    // the same on heard/dev (the same speaker for every piece).
    '-skip_frame', 'noref', '-skip_loop_filter', 'all',
    '-ss', span.start.toFixed(3), '-t', (span.end - span.start).toFixed(3),
    ...describeInput(input),
    '-map', '0:v:0', '-an',
    '-vf', `fps=${options.fps},crop=${crop.join(':')},scale=${width}:${height}:flags=bilinear,setsar=1,format=rgb24`,
    '-f', 'rawvideo', 'pipe:1',
  ];
  const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.name === 'AbortError' ? new OnscreenError('interrupted', 'The analysis was cancelled.') : error));
    child.once('close', resolve);
  });
  closed.catch(() => undefined); // awaited below; a consumer that stops early must not leave it unhandled
  const frameBytes = width * height * 3;
  const scale = width / crop[0];
  const region: Box = [crop[2], crop[3], crop[0], crop[1]];
  const pictures = readAhead(child.stdout, frameBytes, AHEAD);
  let count = 0;
  try {
    for await (const data of pictures) yield { t: span.start + count++ / options.fps, width, height, data, region, scale };
    const code = await closed;
    if (code !== 0) throw new OnscreenError('video_unreadable', `ffmpeg could not decode the video at ${span.start.toFixed(1)} s: ${lastMeaningfulLine(stderr, input)}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Pictures decoded ahead of the consumer, so that ffmpeg decodes while the faces are measured. */
const AHEAD = 4;

/**
 * Whole pictures from ffmpeg's output, up to `ahead` of them waiting (then ffmpeg is paused).
 * Chunks (64 KiB) are copied straight into the picture being filled: joining them would copy each
 * picture dozens of times over.
 */
async function* readAhead(stream: Readable, frameBytes: number, ahead: number): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let data = new Uint8Array(frameBytes);
  let filled = 0;
  let isEnded = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('data', (chunk: Buffer) => {
    for (let offset = 0; offset < chunk.length; ) {
      const take = Math.min(frameBytes - filled, chunk.length - offset);
      data.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled < frameBytes) continue;
      ready.push(data);
      data = new Uint8Array(frameBytes);
      filled = 0;
    }
    if (ready.length >= ahead) stream.pause();
    notify();
  });
  stream.once('end', () => {
    isEnded = true;
    notify();
  });
  stream.once('error', (error) => {
    failure = error;
    notify();
  });
  for (;;) {
    const picture = ready.shift();
    if (picture) {
      if (stream.isPaused() && ready.length < ahead) stream.resume();
      yield picture;
      continue;
    }
    if (failure) throw failure;
    if (isEnded) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
