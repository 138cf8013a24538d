/**
 * What a job analyses, and the key that says "same video, same options": a YouTube video id,
 * a normalised URL, or an upload's SHA-256, plus the sampling rate.
 */
import { parseHttpUrl } from '../../../shared/src/http-url.js';
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
