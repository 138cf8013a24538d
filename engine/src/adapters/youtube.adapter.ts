/**
 * The one door to YouTube: downloads a video's picture (best MP4 up to 720p, no sound needed) with
 * yt-dlp when it is installed, else with youtubei.js. Maps YouTube's refusals to plain errors.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { runInNewContext } from 'node:vm';
import { Innertube, Platform } from 'youtubei.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { toYouTubeListUrl, toYouTubeWatchUrl, type YouTubeList } from '../../../shared/src/youtube-url.js';
import { toYouTubeChannel, type YouTubeChannel } from '../../../shared/src/youtube-channel.js';
import { explainYouTubeRefusal } from '../stages/source/youtube-errors.js';

export interface YouTubeDownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Tallest picture wanted (default 720): faces need no more, and downloads stay small. */
  maxHeight?: number;
  /** Use yt-dlp when it can be run (default true). */
  useYtDlp?: boolean;
  /** The yt-dlp command (default `yt-dlp`, found on PATH). */
  ytDlp?: string;
  /** The fetch youtubei.js uses (default: the global fetch). */
  fetch?: typeof fetch;
}

export interface YouTubeVideo {
  title: string | null;
  /** Seconds, when YouTube says. */
  duration: number | null;
  bytes: number;
  /** Upload day, YYYY-MM-DD, when known (yt-dlp says; youtubei.js's basic info does not). */
  uploaded: string | null;
  /** The video's channel, where YouTube says. */
  channel: YouTubeChannel | null;
}

/** Downloads the video `videoId` to `destination` (removed again on failure). */
export async function downloadYouTube(videoId: string, destination: string, options: YouTubeDownloadOptions): Promise<YouTubeVideo> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  try {
    const ytDlp = options.ytDlp ?? 'yt-dlp';
    if (options.useYtDlp !== false && (await canRun(ytDlp))) return await downloadWithYtDlp(ytDlp, videoId, destination, options, signal);
    return await downloadWithYoutubei(videoId, destination, options, signal);
  } catch (error) {
    await rm(destination, { force: true });
    if (error instanceof OnscreenError) throw error;
    if (deadline.aborted) throw new OnscreenError('download_timeout', `The YouTube download did not finish within ${Math.round(options.timeoutMs / 1000)} s.`);
    if (options.signal?.aborted) throw new OnscreenError('interrupted', 'The download was cancelled.');
    throw explainYouTubeRefusal(error instanceof Error ? error.message : String(error));
  }
}

export interface YouTubeListing {
  title: string | null;
  /** Newest first for a channel; in the playlist's order for a playlist. */
  videos: Array<{ videoId: string; title: string | null }>;
  /** Videos that cannot be analysed (private, deleted, members only, live or upcoming), with why. */
  skipped: Array<{ videoId: string; title: string | null; reason: string }>;
}

/**
 * The first `max` videos of a playlist or a channel's uploads, with yt-dlp (youtubei.js reads single
 * videos only): without yt-dlp on PATH, one clear refusal.
 */
export async function listYouTube(list: YouTubeList, options: { max: number; timeoutMs: number; ytDlp?: string; signal?: AbortSignal }): Promise<YouTubeListing> {
  const command = options.ytDlp ?? 'yt-dlp';
  if (!(await canRun(command))) {
    throw new OnscreenError('youtube_unsupported', 'Reading a YouTube playlist or channel needs yt-dlp on the engine\'s PATH (pip install yt-dlp, or your system\'s package). Single videos work without it.');
  }
  const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs);
  const args = ['-J', '--flat-playlist', '--no-warnings', '--playlist-end', String(options.max), '--', toYouTubeListUrl(list)];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out = (out + t).slice(-16_000_000)));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err = (err + t).slice(-8000)));
    child.once('error', fail);
    child.once('close', (c) => done({ code: c, stdout: out, stderr: err }));
  }).catch((error: unknown) => {
    if (signal.aborted) throw new OnscreenError('download_timeout', 'YouTube did not list the videos in time.');
    throw error;
  });
  if (code !== 0) {
    const refusal = explainYouTubeRefusal(stderr.trim().split('\n').filter((l) => l.includes('ERROR')).at(-1) ?? stderr);
    throw new OnscreenError(refusal.code, `That YouTube ${list.kind} could not be read (private, removed, or it never existed).`);
  }
  return readListing(stdout, options.max);
}

/** yt-dlp's `-J --flat-playlist` JSON, read into the videos to analyse and those to skip. */
export function readListing(json: string, max: number): YouTubeListing {
  let parsed: { title?: string; entries?: Array<{ id?: string; title?: string; availability?: string | null; live_status?: string | null }> };
  try {
    parsed = JSON.parse(json) as typeof parsed;
  } catch {
    throw new OnscreenError('youtube_unsupported', 'YouTube\'s list of videos could not be read.');
  }
  const listing: YouTubeListing = { title: parsed.title ?? null, videos: [], skipped: [] };
  for (const entry of (parsed.entries ?? []).slice(0, max)) {
    if (!entry.id || !/^[A-Za-z0-9_-]{11}$/.test(entry.id)) continue;
    const title = entry.title && !/^\[(Private|Deleted) video\]$/.test(entry.title) ? entry.title : null;
    const reason = skipReason(entry);
    if (reason) listing.skipped.push({ videoId: entry.id, title, reason });
    else listing.videos.push({ videoId: entry.id, title });
  }
  return listing;
}

function skipReason(entry: { title?: string; availability?: string | null; live_status?: string | null }): string | null {
  if (entry.title === '[Private video]' || entry.availability === 'private') return 'private';
  if (entry.title === '[Deleted video]') return 'deleted';
  if (entry.availability === 'needs_auth' || entry.availability === 'subscriber_only' || entry.availability === 'premium_only') return 'needs a sign-in or membership';
  if (entry.live_status === 'is_live' || entry.live_status === 'is_upcoming') return 'live or upcoming';
  return null;
}

const runnable = new Map<string, Promise<boolean>>();
function canRun(command: string): Promise<boolean> {
  let found = runnable.get(command);
  if (!found) {
    found = new Promise((done) => {
      const child = spawn(command, ['--version'], { stdio: 'ignore' });
      child.once('error', () => done(false));
      child.once('close', (code) => done(code === 0));
    });
    runnable.set(command, found);
  }
  return found;
}

async function downloadWithYtDlp(command: string, videoId: string, destination: string, options: YouTubeDownloadOptions, signal: AbortSignal): Promise<YouTubeVideo> {
  const height = options.maxHeight ?? 720;
  const format = `bv*[ext=mp4][height<=${height}]/b[ext=mp4][height<=${height}]/bv*[height<=${height}]/b[height<=${height}]/b`;
  const args = ['--no-playlist', '--no-warnings', '--no-progress', '--no-part', '--force-overwrites', '-f', format,
    '--max-filesize', String(options.maxBytes), '-o', destination, '--no-simulate',
    '--print', 'before_dl:%(title)s\t%(duration)s\t%(is_live)s\t%(upload_date)s\t%(channel_id)s\t%(uploader_id)s\t%(channel)s', '--', toYouTubeWatchUrl(videoId)];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err = (err + t).slice(-8000)));
    child.once('error', fail);
    child.once('close', (c) => done({ code: c, stdout: out, stderr: err }));
  });
  const [title = '', duration = '', isLive = '', uploadDate = '', channelId = '', handle = '', channelName = ''] = stdout.trim().split('\n').at(-1)?.split('\t') ?? [];
  if (isLive === 'True') throw new OnscreenError('source_unavailable', 'This is a live stream; onscreen can analyse it once it has ended.');
  if (code !== 0) throw explainYouTubeRefusal(stderr.trim().split('\n').filter((l) => l.includes('ERROR')).at(-1) ?? stderr);
  const bytes = (await stat(destination).catch(() => null))?.size ?? 0;
  // yt-dlp skips (without failing) a download larger than --max-filesize.
  if (bytes === 0) throw new OnscreenError('video_too_large', 'The video is larger than this server accepts.');
  const uploaded = /^(\d{4})(\d{2})(\d{2})$/.exec(uploadDate);
  return { title: title && title !== 'NA' ? title : null, duration: Number(duration) > 0 ? Number(duration) : null, bytes, uploaded: uploaded ? `${uploaded[1]}-${uploaded[2]}-${uploaded[3]}` : null,
    channel: toYouTubeChannel({ id: channelId, handle, name: channelName }) };
}

async function downloadWithYoutubei(videoId: string, destination: string, options: YouTubeDownloadOptions, signal: AbortSignal): Promise<YouTubeVideo> {
  installEvaluator();
  const baseFetch = options.fetch ?? fetch;
  const youtube = await Innertube.create({
    retrieve_player: true,
    generate_session_locally: true,
    fetch: (input, init) => baseFetch(input, { ...init, signal }),
  });
  const info = await youtube.getBasicInfo(videoId);
  const status = info.playability_status;
  if (status && status.status !== 'OK') throw explainYouTubeRefusal(`${status.status}: ${status.reason ?? ''}`);
  if (info.basic_info.is_live || info.basic_info.is_upcoming) {
    throw new OnscreenError('source_unavailable', 'This is a live or upcoming stream; onscreen can analyse it once it has ended.');
  }
  const height = options.maxHeight ?? 720;
  const formats = [...(info.streaming_data?.formats ?? []), ...(info.streaming_data?.adaptive_formats ?? [])]
    .filter((f) => f.has_video && (f.height ?? 0) <= height)
    .sort((a, b) => score(b) - score(a));
  const chosen = formats[0];
  if (!chosen) throw new OnscreenError('youtube_unsupported', 'YouTube offered no downloadable video format for this video.');
  if (chosen.content_length && chosen.content_length > options.maxBytes) throw new OnscreenError('video_too_large', 'The video is larger than this server accepts.');
  const body = await info.download({ itag: chosen.itag, type: chosen.has_audio ? 'video+audio' : 'video' });
  const bytes = await saveLimited(Readable.fromWeb(body as WebReadableStream<Uint8Array>), destination, options, chosen.content_length ?? null, signal);
  const channel = toYouTubeChannel({ id: info.basic_info.channel_id ?? null, handle: /\/(@[^/?#]+)/.exec(info.basic_info.channel?.url ?? '')?.[1] ?? null, name: info.basic_info.author ?? null });
  return { title: info.basic_info.title ?? null, duration: info.basic_info.duration ?? null, bytes, uploaded: null, channel };
}

/** Prefers MP4 (H.264 decodes fastest), then the tallest picture. */
function score(format: { mime_type: string; height?: number; bitrate: number }): number {
  return (format.mime_type.startsWith('video/mp4') ? 1e7 : 0) + (format.height ?? 0) * 1e3 + format.bitrate / 1e6;
}

async function saveLimited(body: Readable, destination: string, options: YouTubeDownloadOptions, total: number | null, signal: AbortSignal): Promise<number> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > options.maxBytes) return done(new OnscreenError('video_too_large', 'The video is larger than this server accepts.'));
      if (total) options.onProgress?.(Math.min(1, received / total));
      done(null, chunk);
    },
  });
  await pipeline(body, counter, createWriteStream(destination), { signal });
  return received;
}

let isEvaluatorInstalled = false;
/** youtubei.js needs a JavaScript evaluator to decipher stream URLs; run YouTube's code in a bare context. */
function installEvaluator(): void {
  if (isEvaluatorInstalled) return;
  isEvaluatorInstalled = true;
  Platform.shim.eval = (data, env) => {
    const call = `process(${JSON.stringify(env.n ?? '')}, ${JSON.stringify(env.sp ?? '')}, ${JSON.stringify(env.sig ?? '')})`;
    return runInNewContext(`${data.output}\n${call}`, { URL, URLSearchParams }, { timeout: 5000 }) as Record<string, unknown>;
  };
}
