/**
 * Recognising YouTube video links, in every shape people paste them. Pure; used by the engine's
 * source stage, the browser extension and the Slack bot alike.
 */

export interface YouTubeLink {
  /** The 11-character video id. */
  videoId: string;
  /** Where the link asks playback to start (`t=` or `start=`), seconds, or null. */
  startSeconds: number | null;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const WATCH_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const SHORT_HOSTS = new Set(['youtu.be', 'www.youtu.be']);
/** Path prefixes followed by the id: /shorts/ID, /embed/ID, /live/ID, /v/ID, /e/ID. */
const ID_PATHS = new Set(['shorts', 'embed', 'live', 'v', 'e']);

/** Whether a link goes to YouTube at all (a video or not: a channel, a playlist...). */
export function isYouTubeHostUrl(text: string): boolean {
  const url = toUrl(text.trim());
  if (!url) return false;
  const host = url.hostname.toLowerCase();
  return WATCH_HOSTS.has(host) || SHORT_HOSTS.has(host);
}

export function isYouTubeVideoId(value: string): boolean {
  return VIDEO_ID.test(value);
}

/** The canonical watch URL of a video id. */
export function toYouTubeWatchUrl(videoId: string): string {
  return `https://www.youtube.com/watch?v=${videoId}`;
}

/**
 * The video a link points to, or null when it is not a link to one YouTube video
 * (a channel, a playlist alone, a look-alike host, a malformed id). A missing scheme is accepted.
 */
export function parseYouTubeUrl(text: string): YouTubeLink | null {
  const url = toUrl(text.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (url.username || url.password || (url.port && url.port !== '443' && url.port !== '80')) return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  let candidate: string | null = null;
  if (SHORT_HOSTS.has(host)) {
    candidate = segments[0] ?? null;
  } else if (WATCH_HOSTS.has(host)) {
    if (segments[0] === 'watch' && segments.length === 1) candidate = url.searchParams.get('v');
    else if (segments[0] !== undefined && ID_PATHS.has(segments[0]) && segments.length >= 2) candidate = segments[1] ?? null;
  }
  if (candidate === null || !isYouTubeVideoId(candidate)) return null;
  return { videoId: candidate, startSeconds: readStart(url.searchParams.get('t') ?? url.searchParams.get('start')) };
}

/** A YouTube playlist, or a channel's uploads: what a link to many videos points to. */
export type YouTubeList = { kind: 'playlist'; id: string } | { kind: 'channel'; path: string };

const PLAYLIST_ID = /^[A-Za-z0-9_-]{10,64}$/;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const HANDLE = /^@[\p{L}\p{N}._-]{1,100}$/u;

/**
 * The playlist or channel a link points to, or null. A watch link inside a playlist
 * (`watch?v=…&list=…`) is one video, not a list: parseYouTubeUrl reads it.
 */
export function parseYouTubeListUrl(text: string): YouTubeList | null {
  const url = toUrl(text.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
  if (!WATCH_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((s) => s.length > 0).map((s) => decodeURIComponent(s));
  const list = url.searchParams.get('list');
  if (segments[0] === 'playlist' && segments.length === 1) return list && PLAYLIST_ID.test(list) ? { kind: 'playlist', id: list } : null;
  const [first, second, third] = segments;
  const rest = third === undefined || ['videos', 'featured', 'streams'].includes(third);
  if (first && HANDLE.test(first) && (second === undefined || ['videos', 'featured', 'streams'].includes(second)) && segments.length <= 2) return { kind: 'channel', path: `/${first}` };
  if (first === 'channel' && second && CHANNEL_ID.test(second) && rest) return { kind: 'channel', path: `/channel/${second}` };
  if ((first === 'c' || first === 'user') && second && /^[\w.-]{1,100}$/.test(second) && rest) return { kind: 'channel', path: `/${first}/${second}` };
  return null;
}

/**
 * The playlist a YouTube page offers to analyse as a whole: a playlist page, or a watch page played
 * inside a playlist (`watch?v=…&list=…`). Mixes (`RD…`) are made for one viewer and change as they
 * play, so they are not offered.
 */
export function playlistOfPage(text: string): { kind: 'playlist'; id: string } | null {
  const list = parseYouTubeListUrl(text);
  if (list?.kind === 'playlist') return list.id.startsWith('RD') ? null : list;
  if (list || !parseYouTubeUrl(text)) return null;
  const id = toUrl(text.trim())?.searchParams.get('list');
  return id && PLAYLIST_ID.test(id) && !id.startsWith('RD') ? { kind: 'playlist', id } : null;
}

/** Where a list's newest videos are listed: a playlist's page, or a channel's uploads tab. */
export function toYouTubeListUrl(list: YouTubeList): string {
  return list.kind === 'playlist' ? `https://www.youtube.com/playlist?list=${list.id}` : `https://www.youtube.com${encodeURI(list.path)}/videos`;
}

function toUrl(text: string): URL | null {
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/** `90`, `90s`, `1m30s`, `1h2m3s` → seconds. */
function readStart(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!match || value === '') return null;
  const [, h = '0', m = '0', s = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}
