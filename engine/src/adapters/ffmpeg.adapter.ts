/**
 * The one door to ffmpeg and ffprobe: finding the binaries, probing a video, streaming its samples
 * (with shot cuts from the same decoding pass), timing the decoder alone, streaming the sound and
 * cutting short sound clips.
 * Uses the configured binaries, else the system's ffmpeg when on PATH, else the static build
 * from @ffmpeg-installer.
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { PassthroughFlag } from '../stages/frames/ffmpeg-args.js';
import { buildProbeArgs, buildStreamArgs } from '../stages/frames/ffmpeg-args.js';
import type { VideoProbe } from '../stages/frames/probe.js';
import { explainProbeFailure, lastMeaningfulLine, readProbe } from '../stages/frames/probe.js';
import { fitGeometry } from '../stages/frames/sampling.js';
import { readSpanFrames, type SpanFrame, type SpanFramesOptions, type VideoSpan } from './ffmpeg-spans.js';
import { openFrameStream } from './ffmpeg-stream.js';
import type { FrameStream, StreamFramesOptions } from './ffmpeg-stream.js';

export type { FrameStream, StreamFramesOptions, DecodeSummary } from './ffmpeg-stream.js';
export type { SpanFrame, SpanFramesOptions, VideoSpan } from './ffmpeg-spans.js';
export type { VideoProbe } from '../stages/frames/probe.js';
export type { FrameGeometry } from '../stages/frames/sampling.js';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  passthrough: PassthroughFlag;
  /** 'system' or 'bundled', for diagnostics. */
  origin: 'system' | 'bundled' | 'configured';
}

export interface FfmpegPaths {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * ffmpeg and ffprobe for one process: the binaries its settings name (ONSCREEN_FFMPEG and
 * ONSCREEN_FFPROBE), else the system's, else the bundled ones. Each composition root makes one
 * and hands it down; the binaries are looked up once, on first use.
 */
export class Ffmpeg {
  private found: Promise<FfmpegBinaries> | null = null;

  constructor(private readonly paths: FfmpegPaths | null = null) {}

  /** Finds ffmpeg and ffprobe once; throws ffmpeg_missing with what to do (and tries again next time). */
  binaries(): Promise<FfmpegBinaries> {
    this.found ??= locateBinaries(this.paths).catch((error: unknown) => {
      this.found = null;
      throw error;
    });
    return this.found;
  }

  /**
   * Reads duration, display size (after rotation), rotation, frame rate and codec of a video file or
   * URL. A URL is fetched by ffprobe itself, past the network guard: pass only URLs already checked
   * (the pipeline downloads through the source stage and probes the local file).
   */
  async probeVideo(input: string, signal?: AbortSignal): Promise<VideoProbe> {
    const isUrl = /^https?:\/\//i.test(input);
    if (!isUrl) await assertReadableFile(input);
    const { ffprobe } = await this.binaries();
    const { code, stdout, stderr } = await run(ffprobe, buildProbeArgs(input), signal);
    if (code !== 0) throw explainProbeFailure(stderr, isUrl ? input : `file:${resolve(input)}`);
    return readProbe(stdout);
  }

  /**
   * Streams samples at `fps` per second as RGB24 Frames stamped with each decoded frame's own time,
   * decoding a few frames ahead of the consumer in constant memory; shot cuts come in `summary()`.
   */
  streamFrames(input: string, options: StreamFramesOptions): FrameStream {
    return openFrameStream(async () => {
      const video = options.video ?? (await this.probeVideo(input, options.signal));
      const binaries = await this.binaries();
      const geometry = fitGeometry(video.width, video.height, options.maxSide);
      const args = buildStreamArgs({
        input,
        fps: options.fps,
        geometry,
        passthrough: binaries.passthrough,
        sampleTarget: 'pipe:1',
        thumbTarget: 'pipe:3',
      });
      return { command: binaries.ffmpeg, args, geometry };
    }, options);
  }

  /**
   * Seconds ffmpeg alone needs to decode and sample the video (outputs discarded): the benchmark's floor.
   * `cpuSeconds` is the CPU time ffmpeg reports for it (`-benchmark`), null if it did not say.
   */
  async decodeOnly(input: string, fps: number, signal?: AbortSignal): Promise<{ seconds: number; cpuSeconds: number | null }> {
    const video = await this.probeVideo(input, signal);
    const binaries = await this.binaries();
    const args = buildStreamArgs({
      input,
      fps,
      geometry: fitGeometry(video.width, video.height),
      passthrough: binaries.passthrough,
      sampleTarget: 'discard',
      thumbTarget: 'discard',
    });
    const started = performance.now();
    const { code, stderr } = await run(binaries.ffmpeg, ['-benchmark', ...args], signal, true);
    if (code !== 0) throw new OnscreenError('video_unreadable', `ffmpeg could not decode the video: ${lastMeaningfulLine(stderr, args[args.indexOf('-i') + 1] ?? '')}`);
    const cpu = /bench: utime=([\d.]+)s stime=([\d.]+)s/.exec(stderr);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null };
  }

  /**
   * The sound of a video as mono float samples (-1..1) in fixed windows, decoded by ffmpeg in constant
   * memory (a window at a time, as the consumer asks). A video without sound yields no window and
   * resolves `hasSound` to false; a damaged one throws.
   */
  streamAudio(input: string, options: AudioStreamOptions): { windows: AsyncIterable<Float32Array>; hasSound: Promise<boolean> } {
    return openAudioStream(() => this.binaries(), input, options);
  }

  /**
   * Pictures at `fps` of each span's region ([start, end] seconds, in time order, and a box in source
   * pixels) and nowhere else: one ffmpeg process per span, seeking to its start; a few pictures in
   * memory at a time. A picture's time is the span's start plus its rank over `fps` (within a frame or two).
   */
  async *streamSpanFrames(input: string, spans: readonly VideoSpan[], options: SpanFramesOptions): AsyncGenerator<SpanFrame> {
    if (spans.length === 0) return;
    const { ffmpeg } = await this.binaries();
    yield* readSpanFrames(ffmpeg, input, spans, options);
  }

  /**
   * Short sound clips of a video as AAC files in .m4a (MP4) containers, for listening: mono, 64 kb/s,
   * "+faststart" so a browser plays them at once. A clip is one or more stretches played one after
   * the other. One ffmpeg for all (each stretch is an input of its own, seeked apart). Written into
   * `scratchDir`, read back and removed: the caller stores the bytes where it keeps its files.
   */
  async encodeAudioClips(input: string, clips: readonly (readonly { start: number; end: number }[])[], scratchDir: string, signal?: AbortSignal): Promise<Buffer[]> {
    if (clips.length === 0) return [];
    const { ffmpeg } = await this.binaries();
    const outputs = clips.map((_, k) => join(scratchDir, `sound-clip-${k}.m4a`));
    try {
      const { code, stderr } = await run(ffmpeg, buildClipArgs(input, clips, outputs), signal, true);
      if (code !== 0) throw new OnscreenError('video_unreadable', `ffmpeg could not cut the voice samples: ${lastMeaningfulLine(stderr, input)}`);
      return await Promise.all(outputs.map((path) => readFile(path)));
    } finally {
      await Promise.all(outputs.map((path) => rm(path, { force: true })));
    }
  }
}

/** Each stretch an input seeked apart; a clip of several stretches joined by the concat filter. */
function buildClipArgs(input: string, clips: readonly (readonly { start: number; end: number }[])[], outputs: readonly string[]): string[] {
  const inputs = clips.flat().flatMap((span) => ['-ss', span.start.toFixed(3), '-t', (span.end - span.start).toFixed(3), '-i', input]);
  const filters: string[] = [];
  let next = 0;
  const encodes = clips.flatMap((spans, k) => {
    const first = next;
    next += spans.length;
    let source = `${first}:a:0`;
    if (spans.length > 1) {
      filters.push(`${spans.map((_, i) => `[${first + i}:a:0]`).join('')}concat=n=${spans.length}:v=0:a=1[clip${k}]`);
      source = `[clip${k}]`;
    }
    return ['-map', source, '-vn', '-ac', '1', '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart', '-f', 'ipod', outputs[k]!];
  });
  const graph = filters.length > 0 ? ['-filter_complex', filters.join(';')] : [];
  return ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...inputs, ...graph, ...encodes];
}

async function locateBinaries(configured: FfmpegPaths | null): Promise<FfmpegBinaries> {
  if (configured) {
    return { ...configured, passthrough: await detectPassthrough(configured.ffmpeg), origin: 'configured' };
  }
  const [systemFfmpeg, systemFfprobe] = await Promise.all([isRunnable('ffmpeg'), isRunnable('ffprobe')]);
  if (systemFfmpeg && systemFfprobe) {
    return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', passthrough: await detectPassthrough('ffmpeg'), origin: 'system' };
  }
  const ffmpeg = await bundledBinary('@ffmpeg-installer/ffmpeg');
  const ffprobe = await bundledBinary('@ffprobe-installer/ffprobe');
  return { ffmpeg, ffprobe, passthrough: await detectPassthrough(ffmpeg), origin: 'bundled' };
}

async function bundledBinary(packageName: string): Promise<string> {
  let path: string;
  try {
    path = (createRequire(import.meta.url)(packageName) as { path: string }).path;
  } catch {
    throw new OnscreenError('ffmpeg_missing', `ffmpeg was not found on PATH and ${packageName} is not installed. Run \`npm install\` or install ffmpeg.`);
  }
  try {
    await access(path, fsConstants.X_OK);
  } catch {
    // Some registry tarballs ship the binary without its execute bit.
    try {
      await chmod(path, 0o755);
    } catch {
      throw new OnscreenError('ffmpeg_missing', `${path} is not executable and could not be made so. Run \`chmod +x ${path}\` or install ffmpeg.`);
    }
  }
  return path;
}

function isRunnable(command: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(command, ['-hide_banner', '-version'], { stdio: 'ignore' });
    child.once('error', () => done(false));
    child.once('close', (code) => done(code === 0));
  });
}

/** ffmpeg 5.1 and later say `-fps_mode passthrough`; older ones `-vsync passthrough`. */
async function detectPassthrough(ffmpeg: string): Promise<PassthroughFlag> {
  const { stdout } = await run(ffmpeg, ['-hide_banner', '-h', 'long']);
  return stdout.includes('-fps_mode') ? 'fps_mode' : 'vsync';
}

async function assertReadableFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new OnscreenError('source_not_found', 'The video file does not exist.');
  if (info.size === 0) throw new OnscreenError('video_empty', 'The video file is empty (0 bytes).');
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a short ffmpeg/ffprobe command to completion. `tailOnly` keeps only the end of stderr. */
function run(command: string, args: string[], signal?: AbortSignal, tailOnly = false): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = tailOnly ? (stderr + text).slice(-4000) : stderr + text;
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') fail(new OnscreenError('interrupted', 'The analysis was cancelled.'));
      else if (error.code === 'ENOENT') fail(new OnscreenError('ffmpeg_missing', `${command} could not be started: it was not found.`));
      else fail(new OnscreenError('internal', `${command} could not be started: ${error.message}`));
    });
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

export interface AudioStreamOptions {
  /** Samples per second (the voice model's rate). */
  sampleRate: number;
  /** Samples per window: every window but the last is full; the last is padded with silence. */
  window: number;
  signal?: AbortSignal;
}

/** ffmpeg decoding the sound of `input` into windows (see Ffmpeg.streamAudio). */
function openAudioStream(binaries: () => Promise<FfmpegBinaries>, input: string, options: AudioStreamOptions): { windows: AsyncIterable<Float32Array>; hasSound: Promise<boolean> } {
  let settle: (value: boolean) => void = () => undefined;
  const hasSound = new Promise<boolean>((resolve) => (settle = resolve));
  async function* windows(): AsyncGenerator<Float32Array> {
    const { ffmpeg } = await binaries();
    // The sound on the container's clock: a stream joined from pieces (each with its encoder's
    // priming samples) decodes to more samples than its time (heard/dev: 101.52 s of sound for
    // 101.06 s), and without this, speech would drift later than the picture (0.5 s by the end).
    // `async=1` fills gaps and trims overlaps by the timestamps; `first_pts=0` starts at 0.
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', input, '-map', '0:a:0?', '-vn', '-ac', '1', '-af', 'aresample=async=1:first_pts=0', '-ar', String(options.sampleRate), '-f', 'f32le', 'pipe:1'];
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
    const closed = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const bytesPerWindow = options.window * 4;
    let pending: Buffer = Buffer.alloc(0);
    let windowsSeen = 0;
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        let offset = 0;
        for (; offset + bytesPerWindow <= pending.length; offset += bytesPerWindow) {
          windowsSeen++;
          yield new Float32Array(pending.buffer.slice(pending.byteOffset + offset, pending.byteOffset + offset + bytesPerWindow));
        }
        pending = pending.subarray(offset);
      }
      const code = await closed;
      if (code !== 0) {
        if (/does not contain any stream|matches no streams/i.test(stderr)) return settle(false);
        throw new OnscreenError('video_unreadable', `ffmpeg could not decode the sound: ${lastMeaningfulLine(stderr, input)}`);
      }
      if (pending.length >= 4) {
        const last = new Float32Array(options.window);
        last.set(new Float32Array(pending.buffer.slice(pending.byteOffset, pending.byteOffset + pending.length - (pending.length % 4))));
        windowsSeen++;
        yield last;
      }
      settle(windowsSeen > 0);
    } finally {
      settle(false);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
  return { windows: windows(), hasSound };
}
