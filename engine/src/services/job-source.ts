/**
 * What a job analyses, and the key that says "same video, same options": a YouTube video id,
 * a normalised URL, or an upload's SHA-256, plus the sampling rate.
 */
import { OnscreenError } from '../../../shared/src/errors.js';
import type { JobSource } from '../../../shared/src/api/types.js';

export interface ClassifiedSource {
  kind: JobSource['kind'];
  label: string;
  url: string;
  videoId: string | null;
}

/** Parses a user's URL; `findYouTubeId` recognises the YouTube forms (watch, youtu.be, shorts…). */
export function classifyUrl(text: string, findYouTubeId: (url: string) => string | null): ClassifiedSource {
  const url = parseHttpUrl(text);
  const videoId = findYouTubeId(url.toString());
  return { kind: videoId ? 'youtube' : 'url', label: text.trim(), url: url.toString(), videoId };
}

export function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new OnscreenError('url_invalid', `"${truncate(text, 80)}" is not a valid http(s) URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OnscreenError('url_invalid', `Only http and https URLs can be analysed, not ${url.protocol.replace(':', '')}.`);
  }
  if (url.username || url.password) throw new OnscreenError('url_invalid', 'URLs with a user name or password are not accepted.');
  return url;
}

export function reuseKeyOfUrl(source: ClassifiedSource, fps: number): string {
  if (source.videoId) return `youtube:${source.videoId}|fps=${fps}`;
  const url = new URL(source.url);
  url.hash = '';
  url.searchParams.sort();
  return `url:${url.toString()}|fps=${fps}`;
}

export function reuseKeyOfUpload(sha256: string, fps: number): string {
  return `upload:${sha256}|fps=${fps}`;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
