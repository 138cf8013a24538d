/**
 * Whether a link is worth starting an analysis for, before anything is started: a YouTube
 * video, or an address whose server says it serves a video (its media type), judged from the
 * headers of a HEAD or one-byte range request. Pure: the probing is the caller's.
 */
import type { LinkCheck, LinkKind } from '../../../../shared/src/api/types.js';
import { isYouTubeHostUrl, parseYouTubeUrl, toYouTubeWatchUrl } from '../../../../shared/src/youtube-url.js';

const VIDEO_TYPES = /^(video\/.+|application\/(mp4|x-matroska|mxf))$/;
/** Bytes of no stated kind: a video when the name says so, or when there is no name to say otherwise. */
const BYTES_TYPES = /^(application|binary)\/octet-stream$/;
const STREAM_TYPES = /^application\/(vnd\.apple\.mpegurl|x-mpegurl|dash\+xml)$/i;
const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|avi|mpe?g|ts|ogv|wmv|flv|3gp|mxf)$/i;

/** A YouTube link is judged from its shape alone; null when the headers must decide. */
export function classifyYouTubeLink(url: string): LinkCheck | null {
  const youtube = parseYouTubeUrl(url);
  if (youtube) return { url: toYouTubeWatchUrl(youtube.videoId), kind: 'youtube', isVideo: true, contentType: null, message: 'A YouTube video.' };
  if (!isYouTubeHostUrl(url)) return null;
  return verdict(url, 'page', null, 'That YouTube link does not point to one video (a channel, a playlist or a search?). Give the link of a single video.');
}

/** Judges a fetched link by its media type (from the final address after redirects). */
export function classifyMediaLink(url: string, contentType: string | null): LinkCheck {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const path = safePath(url);
  if (VIDEO_TYPES.test(type)) return verdict(url, 'media', contentType, 'A video file.');
  if (BYTES_TYPES.test(type) && (VIDEO_EXTENSIONS.test(path) || !/\.[a-z0-9]{2,5}$/i.test(path))) return verdict(url, 'media', contentType, 'A file that may be a video.');
  if (!type && VIDEO_EXTENSIONS.test(path)) return verdict(url, 'media', contentType, 'A video file (by its name; the server gave no media type).');
  if (STREAM_TYPES.test(type)) return verdict(url, 'stream', contentType, 'That link is a streaming playlist, not a video file. Give a direct link to the video file, or a YouTube link.');
  if (type.startsWith('audio/')) return verdict(url, 'audio', contentType, 'That link is a sound file; onscreen needs a video.');
  if (type.startsWith('image/')) return verdict(url, 'image', contentType, 'That link is a picture, not a video.');
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    return verdict(url, 'page', contentType, 'That link is a web page, not a video. Give a direct link to the video file, or a YouTube link.');
  }
  return verdict(url, 'other', contentType, `That link is not a video (the server says it is ${type || 'of no stated type'}). Give a direct link to the video file, or a YouTube link.`);
}

function verdict(url: string, kind: LinkKind, contentType: string | null, message: string): LinkCheck {
  return { url, kind, isVideo: kind === 'media' || kind === 'youtube', contentType, message };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
