/**
 * Source stage: turns what the user gave (a path, a media URL, a YouTube link) into a local file to
 * decode. The downloading and file checks are done by the doors it is given (adapters), so this
 * stays free of I/O: `sourceDoors` in engine/src/adapters/source-doors.ts are the real ones.
 */
import { basename, join } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { YouTubeChannel } from '../../../../shared/src/youtube-channel.js';
import { classifySource, extensionFromUrl, labelForUrl } from './classify-source.js';

export interface ResolvedSource {
  /** Local file to decode. */
  path: string;
  /** What to show as the source: a file name or a URL, never a local path of a server. */
  label: string;
  title: string | null;
  kind: 'file' | 'url' | 'youtube';
  /** The YouTube video id, for YouTube sources. */
  videoId: string | null;
  /** A YouTube video's upload day (YYYY-MM-DD), when YouTube says. */
  uploaded?: string | null;
  /** A YouTube video's channel, when YouTube says. */
  channel?: YouTubeChannel | null;
}

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** The outside world, as the source stage needs it. */
export interface SourceDoors {
  /** Size of a regular file, 'not-file' for a folder or device, null when nothing is there. */
  inspectPath(path: string): Promise<{ size: number } | 'not-file' | null>;
  downloadFile(url: string, destination: string, options: FetchLimits & { allowPrivateNetwork: boolean }): Promise<{ suggestedName: string | null }>;
  downloadYouTube(videoId: string, destination: string, options: FetchLimits): Promise<{ title: string | null; uploaded?: string | null; channel?: YouTubeChannel | null }>;
}

export interface ResolveSourceOptions {
  /** Scratch folder for downloads (the caller removes it). */
  workDir: string;
  doors: SourceDoors;
  allowPrivateNetwork?: boolean;
  /** Largest download accepted, bytes (default 2 GiB). */
  maxBytes?: number;
  /** Longest a download may take, milliseconds (default 15 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Download progress, 0..1. */
  onProgress?: (fraction: number) => void;
}

export const SOURCE_DEFAULTS = { maxBytes: 2 * 1024 ** 3, timeoutMs: 15 * 60 * 1000 } as const;

export async function resolveSource(input: string, options: ResolveSourceOptions): Promise<ResolvedSource> {
  const request = classifySource(input);
  const limits: FetchLimits = {
    maxBytes: options.maxBytes ?? SOURCE_DEFAULTS.maxBytes,
    timeoutMs: options.timeoutMs ?? SOURCE_DEFAULTS.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  if (request.kind === 'file') {
    const name = basename(request.path);
    const found = await options.doors.inspectPath(request.path);
    if (found === null) throw new OnscreenError('source_not_found', `There is no file ${name} at that path.`);
    if (found === 'not-file') throw new OnscreenError('source_not_found', `${name} is a folder or device, not a video file.`);
    if (found.size === 0) throw new OnscreenError('video_empty', `The file ${name} is empty (0 bytes).`);
    return { path: request.path, label: name, title: name, kind: 'file', videoId: null };
  }
  if (request.kind === 'youtube') {
    const path = join(options.workDir, 'youtube.mp4');
    const video = await options.doors.downloadYouTube(request.videoId, path, limits);
    return { path, label: request.url, title: video.title, kind: 'youtube', videoId: request.videoId, uploaded: video.uploaded ?? null, channel: video.channel ?? null };
  }
  const path = join(options.workDir, `download${extensionFromUrl(request.url)}`);
  const download = await options.doors.downloadFile(request.url, path, { ...limits, allowPrivateNetwork: options.allowPrivateNetwork === true });
  return { path, label: labelForUrl(request.url), title: download.suggestedName, kind: 'url', videoId: null };
}
