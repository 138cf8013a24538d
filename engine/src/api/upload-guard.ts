/**
 * The edges of request bodies (issue 10), decided before a byte of an upload is read:
 *   - a body that sends nothing for `idleMs` is cut off (its partial file is removed by the store);
 *   - a declared Content-Length over the limit gets 413 at once;
 *   - a multipart form gets a sentence saying to send the raw file;
 *   - each token has at most `perToken` uploads at once;
 *   - uploads are refused while the data folder's disk is nearly full.
 */
import { statfs } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { OnscreenError } from '../../../shared/src/errors.js';
import { formatBytes } from '../storage/job-files.store.js';

export interface UploadGuardOptions {
  limitBytes: number;
  perToken: number;
  /** Uploads are refused when less than this would stay free on the data folder's disk. */
  minFreeBytes: number;
  /** Bytes free for the service on the data folder's disk. */
  freeSpace(): Promise<number>;
}

export class UploadGuard {
  private readonly active = new Map<string, number>();

  constructor(private readonly options: UploadGuardOptions) {}

  /** Admits one upload of `tokenName`, or throws why not; the returned function ends it. */
  async admit(req: IncomingMessage, tokenName: string): Promise<() => void> {
    const type = req.headers['content-type'] ?? '';
    if (/^multipart\//i.test(type)) {
      throw new OnscreenError('bad_request', 'Send the video file itself as the request body (Content-Type: application/octet-stream), not a multipart form.', {
        hint: 'With curl: --data-binary @clip.mp4 -H "Content-Type: application/octet-stream" (not -F).',
      });
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    const { limitBytes, perToken, minFreeBytes } = this.options;
    if (declared > limitBytes) throw new OnscreenError('video_too_large', `The upload is larger than this server accepts (${formatBytes(limitBytes)}).`);
    const count = this.active.get(tokenName) ?? 0;
    if (count >= perToken) {
      throw Object.assign(new OnscreenError('rate_limited', `This token already has ${count} uploads in progress, the most at once; wait for one to finish.`), { retryAfterSeconds: 10 });
    }
    // Taken before the disk is asked (an await): two uploads arriving together must both count.
    this.active.set(tokenName, count + 1);
    let isEnded = false;
    const end = () => {
      if (isEnded) return;
      isEnded = true;
      const left = (this.active.get(tokenName) ?? 1) - 1;
      if (left > 0) this.active.set(tokenName, left);
      else this.active.delete(tokenName);
    };
    const free = await this.options.freeSpace().catch(() => Infinity);
    if (free - (Number.isFinite(declared) ? declared : 0) < minFreeBytes) {
      end();
      throw new OnscreenError('unavailable', `The server's disk is nearly full (${formatBytes(Math.max(0, free))} free), so it takes no uploads now.`, {
        hint: 'Delete finished jobs, or ask the operator to free space or lower ONSCREEN_MIN_FREE_SPACE.',
      });
    }
    return end;
  }
}

/** Cuts off a request whose body sends nothing for `idleMs` (the socket is closed; readers see an abort). */
export function limitBodyIdle(req: IncomingMessage, idleMs: number): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || idleMs <= 0) return;
  const socket = req.socket;
  const onIdle = () => {
    if (!req.complete) socket.destroy(new Error('request body idle'));
  };
  const stop = () => {
    socket.setTimeout(0);
    socket.off('timeout', onIdle);
  };
  socket.setTimeout(idleMs);
  socket.on('timeout', onIdle);
  req.once('end', stop);
  req.once('close', stop);
}

/** Bytes available to this process on the disk holding `dir`. */
export async function freeSpaceOf(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}
