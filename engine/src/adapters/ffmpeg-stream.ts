/**
 * The running side of `streamFrames`: one ffmpeg process writing samples to stdout, cut
 * thumbnails to fd 3 and frame times to stderr; a bounded queue in between so ffmpeg decodes a few
 * frames ahead of the consumer and pauses (pipe backpressure) when the consumer is slower.
 * Part of the ffmpeg adapter; nothing else should import it.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { OnscreenError } from '../../../shared/src/errors.js';
import { CutDetector } from '../stages/frames/cut-detector.js';
import { CUT_THUMB } from '../stages/frames/ffmpeg-args.js';
import type { Frame } from '../stages/frames/frame.js';
import { FrameQueue } from '../stages/frames/frame-queue.js';
import type { VideoProbe } from '../stages/frames/probe.js';
import { lastMeaningfulLine } from '../stages/frames/probe.js';
import type { FrameGeometry } from '../stages/frames/sampling.js';
import { CUT_TAG, LineSplitter, SAMPLE_TAG, parseShowinfoLine } from '../stages/frames/showinfo.js';

export interface StreamFramesOptions {
  /** Samples per second. */
  fps: number;
  /** Scale pictures down so that their longer side is at most this (boxes then need `toSource`). */
  maxSide?: number;
  signal?: AbortSignal;
  /** The probe, when the caller already has it (saves running ffprobe twice). */
  video?: VideoProbe;
  /** Frames decoded ahead of the consumer (default 3). */
  queueDepth?: number;
  /**
   * Frames the consumer may hold at once (default 1): a frame's picture stays valid until the
   * consumer asks for the `holds`-th frame after it (2 lets it finish one frame while starting the next).
   */
  holds?: number;
}

export interface DecodeSummary {
  /** Samples delivered. */
  samples: number;
  /** Frames decoded in all (every one is looked at for cuts). */
  decodedFrames: number;
  /** Shot cuts, seconds (time of the first frame of the new shot), ascending. */
  cuts: number[];
  /** Time of the last decoded frame, or null if none. */
  lastFrameTime: number | null;
}

export interface FrameStream extends AsyncIterable<Frame> {
  /** Size of the delivered pictures and their scale to source pixels (known once ffmpeg starts). */
  geometry(): Promise<FrameGeometry>;
  /** After the frames are all read: cuts and counts. Rejects with the decoding error, if any. */
  summary(): Promise<DecodeSummary>;
}

export interface PreparedCommand {
  command: string;
  args: string[];
  geometry: FrameGeometry;
}

type Outcome = { summary: DecodeSummary } | { error: OnscreenError };

export function openFrameStream(prepare: () => Promise<PreparedCommand>, options: StreamFramesOptions): FrameStream {
  let started: Promise<FfmpegRun> | null = null;
  const start = (): Promise<FfmpegRun> => {
    started ??= prepare().then((prepared) => new FfmpegRun(prepared, options));
    return started;
  };
  return {
    geometry: async () => (await start()).geometry,
    summary: async () => {
      const outcome = await (await start()).outcome;
      if ('error' in outcome) throw outcome.error;
      return outcome.summary;
    },
    [Symbol.asyncIterator]: () => ({
      next: async () => (await start()).next(),
      return: async () => {
        if (started) (await started).stop();
        return { done: true, value: undefined };
      },
    }),
  };
}

class FfmpegRun {
  readonly geometry: FrameGeometry;
  readonly outcome: Promise<Outcome>;
  private readonly child: ChildProcess;
  private readonly queue: FrameQueue;
  private readonly detector = new CutDetector({ pixels: CUT_THUMB.width * CUT_THUMB.height });
  private readonly thumbs = new FrameQueue(CUT_THUMB.width, CUT_THUMB.height, 1, 1);
  private readonly stderrTail: string[] = [];
  private decodedFrames = 0;
  private lastFrameTime: number | null = null;
  private failure: OnscreenError | null = null;
  private isClosed = false;
  private isStopped = false;
  /** The demuxer hit the end of the data before the end of the video (a cut-off file). */
  private isCutOff = false;
  private wake: (() => void) | null = null;

  constructor(prepared: PreparedCommand, options: StreamFramesOptions) {
    this.geometry = prepared.geometry;
    this.queue = new FrameQueue(prepared.geometry.width, prepared.geometry.height, options.queueDepth ?? 3, 3, options.holds ?? 1);
    if (options.signal?.aborted) throw new OnscreenError('interrupted', 'The analysis was cancelled.');
    this.child = spawn(prepared.command, prepared.args, {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      signal: options.signal,
    });
    this.outcome = new Promise((settle) => this.watch(prepared, settle));
  }

  private watch(prepared: PreparedCommand, settle: (outcome: Outcome) => void): void {
    const samples = this.child.stdout!;
    const thumbs = this.child.stdio[3] as Readable;
    samples.on('data', (chunk: Buffer) => {
      this.queue.write(chunk);
      if (this.queue.isFull) samples.pause();
      this.notify();
    });
    thumbs.on('data', (chunk: Buffer) => {
      this.thumbs.write(chunk);
      this.feedDetector();
    });
    const lines = new LineSplitter();
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => lines.push(text).forEach((l) => this.readLine(l)));
    this.child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') this.failure = new OnscreenError('interrupted', 'The analysis was cancelled.');
      else if (error.code === 'ENOENT') this.failure = new OnscreenError('ffmpeg_missing', `${prepared.command} was not found.`);
      else this.failure = new OnscreenError('internal', `ffmpeg could not be started: ${error.message}`);
    });
    this.child.once('close', (code) => {
      lines.flush().forEach((l) => this.readLine(l));
      this.isClosed = true;
      this.failure ??= this.checkEnd(code, prepared.args);
      this.notify();
      settle(this.failure ? { error: this.failure } : { summary: this.summarize() });
    });
  }

  private readLine(line: string): void {
    const entry = parseShowinfoLine(line);
    if (entry?.tag === SAMPLE_TAG) {
      this.queue.addTime(entry.t);
      this.notify();
    } else if (entry?.tag === CUT_TAG) {
      this.thumbs.addTime(entry.t);
      this.feedDetector();
    } else if (line.trim() && !line.includes('showinfo@')) {
      if (/partial file|Invalid data found when processing input/.test(line)) this.isCutOff = true;
      this.stderrTail.push(line);
      if (this.stderrTail.length > 20) this.stderrTail.shift();
    }
  }

  private feedDetector(): void {
    for (let thumb = this.thumbs.take(); thumb; thumb = this.thumbs.take()) {
      this.detector.push(thumb.t, thumb.data);
      this.decodedFrames += 1;
      this.lastFrameTime = thumb.t;
    }
  }

  private checkEnd(code: number | null, args: string[]): OnscreenError | null {
    if (this.isStopped) return new OnscreenError('interrupted', 'Frame reading was stopped before the end.');
    if (code !== 0) {
      const input = args[args.indexOf('-i') + 1] ?? '';
      const reason = lastMeaningfulLine(this.stderrTail.join('\n'), input) || `exit code ${code}`;
      return new OnscreenError('video_unreadable', `ffmpeg could not decode the video: ${reason}`);
    }
    if (this.isCutOff) {
      const when = this.lastFrameTime === null ? 'before its first picture' : `after ${this.lastFrameTime.toFixed(1)} s`;
      return new OnscreenError('video_unreadable', `The video file is incomplete or damaged: it breaks off ${when}.`);
    }
    if (this.queue.untimedCount > 0 || this.thumbs.untimedCount > 0) {
      return new OnscreenError('internal', 'ffmpeg wrote frames without their times; frame timing cannot be trusted.');
    }
    return null;
  }

  private summarize(): DecodeSummary {
    return {
      samples: this.queue.takenCount,
      decodedFrames: this.decodedFrames,
      cuts: this.detector.finish(),
      lastFrameTime: this.lastFrameTime,
    };
  }

  async next(): Promise<IteratorResult<Frame, undefined>> {
    for (;;) {
      const frame = this.queue.take();
      if (frame) {
        if (this.child.stdout!.isPaused() && !this.queue.isFull) this.child.stdout!.resume();
        return { done: false, value: frame };
      }
      this.queue.releaseForNext();
      if (this.child.stdout!.isPaused()) this.child.stdout!.resume();
      if (this.isClosed) {
        if (this.failure) throw this.failure;
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  stop(): void {
    this.queue.release();
    if (this.isClosed) return;
    this.isStopped = true;
    this.child.kill('SIGKILL');
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
