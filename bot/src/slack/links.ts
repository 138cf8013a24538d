/**
 * Finding video links in what people post. Slack sends links in message text as
 * `<https://…>` or `<https://…|label>` with &, < and > escaped; slash command text may
 * carry them bare.
 */
import { parseYouTubeUrl, toYouTubeWatchUrl } from '../../../shared/src/youtube-url.js';

/** At most this many analyses start from one message. */
export const MAX_LINKS_PER_MESSAGE = 3;

const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|avi|mpe?g|ts|ogv)$/i;

/** Every http(s) link in the text, in order, without duplicates. */
export function findLinks(text: string | undefined): string[] {
  if (!text) return [];
  const found: string[] = [];
  const bracketed = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/gi;
  for (const match of text.matchAll(bracketed)) found.push(unescape(match[1] ?? ''));
  const rest = text.replace(bracketed, ' ');
  for (const match of rest.matchAll(/https?:\/\/[^\s<>|]+/gi)) found.push(unescape(match[0]).replace(/[).,;:!?'"]+$/, ''));
  return [...new Set(found.filter(isHttpUrl))];
}

/** Links that are surely videos: YouTube watch/shorts/youtu.be pages, or files with a video extension. */
export function findVideoLinks(text: string | undefined): string[] {
  return findLinks(text).filter(isVideoLink);
}

export function isVideoLink(url: string): boolean {
  return youtubeVideoId(url) !== null || VIDEO_EXTENSIONS.test(new URL(url).pathname);
}

/** The id of a YouTube video page, or null (shared/src/youtube-url.ts decides, as for the engine and the extension). */
export function youtubeVideoId(url: string): string | null {
  return parseYouTubeUrl(url)?.videoId ?? null;
}

/** YouTube links in one short form (fits a button's value); others as given. */
export function normalizeVideoUrl(url: string): string {
  const id = youtubeVideoId(url);
  return id ? toYouTubeWatchUrl(id) : url;
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
