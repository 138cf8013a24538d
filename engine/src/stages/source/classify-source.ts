/**
 * What kind of source the user gave: a local file, a direct media URL or a YouTube video. Pure.
 */
import { OnscreenError } from '../../../../shared/src/errors.js';
import { isYouTubeHostUrl, parseYouTubeUrl, toYouTubeWatchUrl } from '../../../../shared/src/youtube-url.js';

export type SourceRequest =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'youtube'; videoId: string; url: string };

export function classifySource(input: string): SourceRequest {
  const text = input.trim();
  if (!text) throw new OnscreenError('source_not_found', 'No video was given: pass a file, a video URL or a YouTube link.');
  const youtube = parseYouTubeUrl(text);
  if (youtube) return { kind: 'youtube', videoId: youtube.videoId, url: toYouTubeWatchUrl(youtube.videoId) };
  if (isYouTubeHostUrl(text) && (hasScheme(text) || /^(www\.|m\.)?(youtube\.com|youtu\.be)\//i.test(text))) {
    throw new OnscreenError(
      'youtube_unsupported',
      'That YouTube link does not point to one video (a channel, a playlist or a search?). Give the link of a single video.',
    );
  }
  if (hasScheme(text)) {
    if (!/^https?:\/\//i.test(text)) {
      throw new OnscreenError('url_invalid', 'Only http:// and https:// links (or a local file) can be analysed.');
    }
    return { kind: 'url', url: text };
  }
  return { kind: 'file', path: text };
}

function hasScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** The URL as it may be shown and stored: without any user name or password in it. */
export function labelForUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** A file extension worth keeping from a URL path (ffmpeg uses it as a hint for some formats). */
export function extensionFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').at(-1) ?? '';
    const match = /\.([a-z0-9]{2,5})$/i.exec(last);
    return match ? `.${match[1]!.toLowerCase()}` : '.video';
  } catch {
    return '.video';
  }
}
