/**
 * Short-lived signed thumbnail URLs. Slack shows an `image` block only from a public URL it
 * can fetch without credentials, while the engine's thumbnails need its API token. So the
 * bot serves them itself at `<BOT_PUBLIC_URL>/thumbnails/<job>/<person>.jpg?exp=…&sig=…`,
 * fetching from the engine through the client; the signature (HMAC-SHA256 over job, person
 * and expiry) lets Slack in and keeps anyone from walking the engine's thumbnails.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const THUMBNAIL_ROUTE = '/thumbnails/:jobId/:file';

export interface ThumbnailSigner {
  /** A URL for the person's thumbnail, or null when the bot has no public URL. */
  urlFor(jobId: string, person: number): string | null;
  /** True when the signature matches and has not expired. */
  verify(jobId: string, person: number, expires: number, signature: string): boolean;
}

export function createThumbnailSigner(options: {
  publicUrl: string | null;
  secret: string;
  ttlSeconds: number;
  now?: () => number;
}): ThumbnailSigner {
  const now = options.now ?? Date.now;
  const sign = (jobId: string, person: number, expires: number) =>
    createHmac('sha256', options.secret).update(`thumbnail:${jobId}:${person}:${expires}`).digest('base64url');
  return {
    urlFor(jobId, person) {
      if (!options.publicUrl) return null;
      // Rounded to the hour so re-rendering a page within the hour gives the same URL (Slack caches by URL).
      const expires = Math.ceil((now() / 1000 + options.ttlSeconds) / 3600) * 3600;
      const query = new URLSearchParams({ exp: String(expires), sig: sign(jobId, person, expires) });
      return `${options.publicUrl}/thumbnails/${encodeURIComponent(jobId)}/${person}.jpg?${query}`;
    },
    verify(jobId, person, expires, signature) {
      if (!Number.isInteger(expires) || expires * 1000 < now()) return false;
      const expected = Buffer.from(sign(jobId, person, expires));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** The key thumbnail URLs are signed with: derived from a secret the bot already has. */
export function deriveThumbnailSecret(rootSecret: string): string {
  return createHmac('sha256', rootSecret).update('onscreen-bot-thumbnails').digest('hex');
}
