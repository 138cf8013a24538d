/**
 * The ffmpeg and ffprobe command lines, as data. Pure: the adapter only spawns what this builds.
 */
import { isAbsolute, resolve } from 'node:path';
import type { FrameGeometry } from './sampling.js';
import { buildSelectExpression } from './sampling.js';
import { CUT_TAG, SAMPLE_TAG } from './showinfo.js';

/** Thumbnail size for cut detection: tiny, so every frame of the video costs almost nothing to compare. */
export const CUT_THUMB = { width: 32, height: 18 } as const;

/** How this ffmpeg spells "keep each frame's own timestamp, never duplicate or drop". */
export type PassthroughFlag = 'fps_mode' | 'vsync';

/**
 * The input as ffmpeg should read it. Local files go through the `file:` protocol only, so that a
 * "video" that is really a playlist cannot make ffmpeg fetch other URLs or files (SSRF).
 */
export function describeInput(input: string): string[] {
  if (/^https?:\/\//i.test(input)) return ['-protocol_whitelist', 'http,https,tcp,tls', '-i', input];
  const path = isAbsolute(input) ? input : resolve(input);
  return ['-protocol_whitelist', 'file', '-i', `file:${path}`];
}

export function buildProbeArgs(input: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...describeInput(input)];
}

export interface StreamArgsOptions {
  input: string;
  fps: number;
  geometry: FrameGeometry;
  passthrough: PassthroughFlag;
  /** Where the samples and the thumbnails go: pipes for streaming, or discarded for timing the decoder. */
  sampleTarget: 'pipe:1' | 'discard';
  thumbTarget: 'pipe:3' | 'discard';
}

/**
 * One decoding pass with two outputs: the samples (first frame of each 1/fps bin, rotated by
 * ffmpeg's autorotation, scaled to the geometry's square pixels, RGB24) and a tiny grey thumbnail of every frame for cut detection.
 * Each output has a showinfo filter whose log lines carry the true presentation times.
 */
export function buildStreamArgs(options: StreamArgsOptions): string[] {
  const { width, height } = options.geometry;
  const graph = [
    '[0:v:0]split=2[full][tiny]',
    `[full]select='${buildSelectExpression(options.fps)}',scale=${width}:${height}:flags=bilinear,setsar=1,format=rgb24,showinfo@${SAMPLE_TAG}[samples]`,
    // Every decoded frame gets a thumbnail, so it must be cheap: a coarse cut to 4x the size first,
    // then an average over each cell (an area scale of the full picture cost ffmpeg a quarter more CPU).
    `[tiny]scale=${4 * CUT_THUMB.width}:${4 * CUT_THUMB.height}:flags=fast_bilinear,scale=${CUT_THUMB.width}:${CUT_THUMB.height}:flags=area,format=gray,showinfo@${CUT_TAG}[thumbs]`,
  ].join(';');
  const timing = options.passthrough === 'fps_mode' ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
  const output = (label: string, target: string): string[] =>
    target === 'discard'
      ? ['-map', label, ...timing, '-f', 'null', '-']
      : ['-map', label, ...timing, '-f', 'rawvideo', target];
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel',
    'info',
    // Frames no other frame refers to are not decoded (most B-frames of H.264: two thirds of the
    // work on bench/dev). A sample then falls on the next decoded frame, stamped with its own time;
    // a cut on a skipped frame is found one frame late, except that encoders put a key frame there.
    '-skip_frame',
    'noref',
    ...describeInput(options.input),
    '-filter_complex',
    graph,
    ...output('[samples]', options.sampleTarget),
    ...output('[thumbs]', options.thumbTarget),
  ];
}
