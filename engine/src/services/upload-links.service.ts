/**
 * Signed, expiring links to an uploaded video, for workers on other machines. The link names
 * one job and an expiry; its signature is an HMAC under the server's secret, so a link cannot
 * be forged, stretched or pointed at another job.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { API_PREFIX } from '../../../shared/src/api/types.js';

export class UploadLinks {
  constructor(private readonly secret: string, private readonly ttlSeconds: number, private readonly now: () => number = Date.now) {}

  /** An absolute URL under `baseUrl`; the file name rides along so downloaders see its extension. */
  sign(baseUrl: string, jobId: string, filename: string): string {
    const expires = Math.floor(this.now() / 1000) + this.ttlSeconds;
    const name = encodeURIComponent(filename.replace(/[^\w.-]/g, '_') || 'video');
    return `${baseUrl}${API_PREFIX}/uploads/${jobId}/${name}?expires=${expires}&sig=${this.signature(jobId, expires)}`;
  }

  isValid(jobId: string, expires: string | null, signature: string | null): boolean {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) < this.now() / 1000) return false;
    const expected = Buffer.from(this.signature(jobId, Number(expires)));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private signature(jobId: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`upload:${jobId}:${expires}`).digest('base64url');
  }
}
