/**
 * A YouTube channel as onscreen keeps it: its id (`UC…`), its handle (`@name`) and its name, as far
 * as they are known. The engine reads them from a video's source metadata; the extension reads them
 * off the watch page's owner link. Pure; the one rule for both, so the two match.
 */

export interface YouTubeChannel {
  /** `UC` and 22 characters, when known. */
  id: string | null;
  /** `@handle`, when known. */
  handle: string | null;
  name: string | null;
}

/** What a client may ask about: a channel id, a handle, or both. */
export type YouTubeChannelRef = Pick<YouTubeChannel, 'id' | 'handle'>;

const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const HANDLE = /^@[\p{L}\p{N}._-]{1,100}$/u;

export function isYouTubeChannelId(value: string): boolean {
  return CHANNEL_ID.test(value);
}

/** `@Name` (the `@` added if missing), or null when it is not a handle. */
export function normaliseHandle(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim().startsWith('@') ? value.trim() : `@${value.trim()}`;
  return HANDLE.test(text) ? text : null;
}

/** A handle as YouTube compares them: case does not matter. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}

/**
 * The channel a link points to: `/@handle`, `/channel/UC…` (relative, as on the watch page's owner
 * link, or absolute on a YouTube host); null for anything else.
 */
export function parseChannelLink(href: string): YouTubeChannelRef | null {
  let url: URL;
  try {
    url = new URL(href, 'https://www.youtube.com');
  } catch {
    return null;
  }
  if (!/^(www\.|m\.)?youtube\.com$/.test(url.hostname)) return null;
  const [first, second] = url.pathname.split('/').filter((s) => s.length > 0).map((s) => safeDecode(s));
  if (first && first.startsWith('@')) {
    const handle = normaliseHandle(first);
    return handle ? { id: null, handle } : null;
  }
  if (first === 'channel' && second && isYouTubeChannelId(second)) return { id: second, handle: null };
  return null;
}

/** A channel from source metadata, with what is not well-formed left out; null when nothing is known. */
export function toYouTubeChannel(raw: { id?: string | null; handle?: string | null; name?: string | null }): YouTubeChannel | null {
  const id = raw.id && isYouTubeChannelId(raw.id) ? raw.id : null;
  const handle = normaliseHandle(raw.handle);
  const name = raw.name && raw.name !== 'NA' ? raw.name.trim().slice(0, 200) || null : null;
  return id || handle ? { id, handle, name } : null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
