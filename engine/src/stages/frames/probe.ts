/**
 * What ffprobe says about a file, read into the few facts the pipeline needs, and the user-facing
 * errors for files that are not usable videos. Pure: the ffmpeg adapter runs ffprobe.
 */
import { OnscreenError } from '../../../../shared/src/errors.js';

export interface VideoProbe {
  /**
   * Seconds from the start of the file to the end of the picture (the time base of frame times,
   * which count from the file's start, not from the video stream's), or null when unknown.
   */
  duration: number | null;
  /**
   * Picture size as displayed: after rotation, and with non-square pixels (anamorphic DVD or
   * broadcast video) stretched to square ones, so faces keep their shape. Boxes are in these pixels.
   */
  width: number;
  height: number;
  /** Clockwise degrees applied to display the picture upright: 0, 90, 180 or 270. */
  rotation: number;
  /** Frames per second of the video stream, when known. */
  frameRate: number | null;
  codec: string;
  hasVideo: true;
  /** The day the file says it was made (its `creation_time`), YYYY-MM-DD, or null when it does not say. */
  created: string | null;
}

/** Largest picture side accepted: beyond it decoding one frame alone takes hundreds of megabytes. */
export const MAX_SIDE = 8192;

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  duration?: string;
  start_time?: string;
  tags?: Record<string, string>;
  disposition?: Record<string, number>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string; start_time?: string; tags?: Record<string, string> };
}

/** Reads ffprobe's `-print_format json -show_format -show_streams` output. */
export function readProbe(json: string): VideoProbe {
  let parsed: ProbeOutput;
  try {
    parsed = JSON.parse(json) as ProbeOutput;
  } catch {
    throw new OnscreenError('video_unreadable', 'The file could not be read as a video (the probe gave no answer).');
  }
  const streams = parsed.streams ?? [];
  // Cover art in audio files shows up as a one-picture "video" stream: not a video.
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!video) {
    const hasAudio = streams.some((s) => s.codec_type === 'audio');
    throw new OnscreenError(
      'video_no_stream',
      hasAudio ? 'The file has sound but no picture: it contains no video stream.' : 'The file contains no video stream.',
    );
  }
  const rawWidth = video.width ?? 0;
  const rawHeight = video.height ?? 0;
  if (rawWidth <= 0 || rawHeight <= 0 || rawWidth > MAX_SIDE || rawHeight > MAX_SIDE) {
    throw new OnscreenError(
      'video_resolution',
      `The video is ${rawWidth}x${rawHeight} pixels; onscreen reads videos from 1 to ${MAX_SIDE} pixels a side.`,
    );
  }
  const rotation = readRotation(video);
  const isSideways = rotation === 90 || rotation === 270;
  // Stretch non-square pixels along the stored width (rotation comes after, in display space).
  const squareWidth = Math.max(1, Math.round(rawWidth * readPixelAspect(video.sample_aspect_ratio)));
  return {
    duration: readVideoEnd(video, parsed.format),
    width: isSideways ? rawHeight : squareWidth,
    height: isSideways ? squareWidth : rawHeight,
    rotation,
    frameRate: readRate(video.avg_frame_rate) ?? readRate(video.r_frame_rate),
    codec: video.codec_name ?? 'unknown',
    hasVideo: true,
    created: readCreated(parsed.format?.tags?.creation_time ?? video.tags?.creation_time),
  };
}

/**
 * `creation_time` as a day. Muxers that know no date write their epoch (1904 for MP4/QuickTime, 1970
 * elsewhere): those are not dates, and neither is a day in the future.
 */
function readCreated(value: string | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(time) && Number(match[1]) > 1971 && time <= Date.now() ? day : null;
}

/** ffprobe's display-matrix rotation is counter-clockwise; the old `rotate` tag is clockwise. */
function readRotation(stream: ProbeStream): number {
  const matrix = stream.side_data_list?.find((d) => typeof d.rotation === 'number');
  const clockwise = matrix?.rotation !== undefined ? -matrix.rotation : Number(stream.tags?.rotate ?? 0);
  if (!Number.isFinite(clockwise)) return 0;
  const quarter = Math.round(clockwise / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}

/** Width of one stored pixel relative to its height: `64:45` for anamorphic PAL, 1 when unknown. */
function readPixelAspect(value: string | undefined): number {
  const [num, den] = (value ?? '').split(':').map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return 1;
  const aspect = num / den;
  return aspect >= 0.25 && aspect <= 4 ? aspect : 1;
}

/** A video stream that starts late (after audio, say) ends at its own start plus its duration. */
function readVideoEnd(video: ProbeStream, format: ProbeOutput['format']): number | null {
  const length = readSeconds(video.duration);
  if (length === null) return readSeconds(format?.duration);
  const offset = Number(video.start_time ?? 0) - Number(format?.start_time ?? video.start_time ?? 0);
  return Number.isFinite(offset) && offset > 0 ? length + offset : length;
}

function readSeconds(value: string | undefined): number | null {
  if (value === undefined) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

function readRate(value: string | undefined): number | null {
  if (!value) return null;
  const [num, den] = value.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num) || num <= 0) return null;
  const rate = den === undefined ? num : num / den;
  return Number.isFinite(rate) && rate > 0 && rate < 1000 ? rate : null;
}

/** Turns ffprobe's complaint about an unreadable input into the user's error. */
export function explainProbeFailure(stderr: string, input: string): OnscreenError {
  const line = lastMeaningfulLine(stderr, input);
  if (/No such file or directory/i.test(stderr)) {
    return new OnscreenError('source_not_found', 'The video file does not exist.');
  }
  return new OnscreenError(
    'video_unreadable',
    `The file is not a video that can be read (damaged, incomplete or not a video)${line ? `: ${line}` : '.'}`,
  );
}

/**
 * The last non-empty line of ffmpeg's output, without the `[demuxer @ 0x…]` prefix and without the
 * input's path (a server's local paths are not for users' eyes).
 */
export function lastMeaningfulLine(stderr: string, input: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const last = (lines.at(-1) ?? '').replace(/^\[[^\]]*\]\s*/, '');
  const withoutPath = input ? last.split(`${input}: `).join('').split(input).join('the file') : last;
  return withoutPath.slice(0, 300);
}
