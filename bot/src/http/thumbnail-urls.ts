/**
 * Short-lived signed picture URLs. Slack shows an image only from a public URL it can fetch
 * without credentials, while the engine's pictures need its API token. So the bot serves them
 * itself at `<BOT_PUBLIC_URL>/thumbnails/<job>/<person>.jpg?exp=…&sig=…` (the strip of a
 * person's best faces, for the "more faces" modal) and `…/<person>-face.jpg?…` (their one
 * square best face, for messages: Slack shows a section's image as a small square), fetching
 * from the engine through the client. The signature (HMAC-SHA256 over kind, job, person and
 * expiry) lets Slack in and keeps anyone from walking the engine's pictures.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const THUMBNAIL_ROUTE = '/thumbnails/:jobId/:file';

/** `strip`: the 6 best faces in a row (586 × 96); `face`: the one best face, square. */
export type PictureKind = 'strip' | 'face';

export interface ThumbnailSigner {
  /** A URL for the person's picture, or null when the bot has no public URL. */
  urlFor(jobId: string, person: number, kind?: PictureKind): string | null;
  /** True when the signature matches and has not expired. */
  verify(jobId: string, person: number, expires: number, signature: string, kind?: PictureKind): boolean;
}

/** The picture a route file name asks for: "4.jpg" (strip) or "4-face.jpg", or null. */
export function parsePictureFile(file: string): { person: number; kind: PictureKind } | null {
  const match = /^(\d{1,9})(-face)?\.jpg$/.exec(file);
  return match ? { person: Number(match[1]), kind: match[2] ? 'face' : 'strip' } : null;
}

export function createThumbnailSigner(options: {
  publicUrl: string | null;
  secret: string;
  ttlSeconds: number;
  now?: () => number;
}): ThumbnailSigner {
  const now = options.now ?? Date.now;
  // The strip keeps its original message, so links already in Slack stay valid.
  const sign = (jobId: string, person: number, expires: number, kind: PictureKind) =>
    createHmac('sha256', options.secret).update(`${kind === 'strip' ? 'thumbnail' : 'face'}:${jobId}:${person}:${expires}`).digest('base64url');
  return {
    urlFor(jobId, person, kind = 'strip') {
      if (!options.publicUrl) return null;
      // Rounded to the hour so re-rendering a page within the hour gives the same URL (Slack caches by URL).
      const expires = Math.ceil((now() / 1000 + options.ttlSeconds) / 3600) * 3600;
      const query = new URLSearchParams({ exp: String(expires), sig: sign(jobId, person, expires, kind) });
      return `${options.publicUrl}/thumbnails/${encodeURIComponent(jobId)}/${person}${kind === 'face' ? '-face' : ''}.jpg?${query}`;
    },
    verify(jobId, person, expires, signature, kind = 'strip') {
      if (!Number.isInteger(expires) || expires * 1000 < now()) return false;
      const expected = Buffer.from(sign(jobId, person, expires, kind));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** The key thumbnail URLs are signed with: derived from a secret the bot already has. */
export function deriveThumbnailSecret(rootSecret: string): string {
  return createHmac('sha256', rootSecret).update('onscreen-bot-thumbnails').digest('hex');
}
