/**
 * The one door for downloading a video from an http(s) URL to a local file: size and time limits,
 * redirects followed by hand with every hop re-checked by the network guard, connections pinned
 * to the checked addresses.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { GuardOptions } from './network-guard.js';
import { assertPublicUrl, pinnedLookup } from './network-guard.js';

export interface DownloadOptions extends GuardOptions {
  /** Largest body accepted, bytes. */
  maxBytes: number;
  /** Whole download (all hops and the body) must finish within this, milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Fraction 0..1 of the body received, when its length is known. */
  onProgress?: (fraction: number) => void;
  maxRedirects?: number;
}

export interface DownloadResult {
  bytes: number;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  contentType: string | null;
  /** A file name the server or the URL suggests (for a title), or null. */
  suggestedName: string | null;
}

/** Downloads `url` to `destination` (created or overwritten; removed again on failure). */
export async function downloadFile(url: string, destination: string, options: DownloadOptions): Promise<DownloadResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  try {
    return await followRedirects(url, destination, options, signal);
  } catch (error) {
    await rm(destination, { force: true });
    if (error instanceof OnscreenError) throw error;
    if (deadline.aborted) {
      throw new OnscreenError('download_timeout', `The download did not finish within ${Math.round(options.timeoutMs / 1000)} s.`);
    }
    if (options.signal?.aborted) throw new OnscreenError('interrupted', 'The download was cancelled.');
    throw new OnscreenError('download_failed', `The video could not be downloaded: ${describeNetworkError(error)}.`);
  }
}

async function followRedirects(url: string, destination: string, options: DownloadOptions, signal: AbortSignal): Promise<DownloadResult> {
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
    const checked = await assertPublicUrl(current, options);
    const response = await send(checked.url, checked.addresses, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      current = new URL(response.headers.location, checked.url).toString();
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw explainStatus(status);
    }
    return await saveBody(response, checked.url, destination, options, signal);
  }
  throw new OnscreenError('download_failed', 'The address redirects too many times.');
}

function send(url: URL, addresses: Parameters<typeof pinnedLookup>[0], signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      lookup: pinnedLookup(addresses),
      signal,
      headers: { 'user-agent': 'onscreen (video analysis)', accept: 'video/*, application/octet-stream;q=0.9, */*;q=0.5' },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

async function saveBody(
  response: IncomingMessage,
  url: URL,
  destination: string,
  options: DownloadOptions,
  signal: AbortSignal,
): Promise<DownloadResult> {
  const contentType = response.headers['content-type'] ?? null;
  if (contentType && /^text\/html/i.test(contentType)) {
    response.resume();
    throw new OnscreenError(
      'video_unreadable',
      'That address is a web page, not a video file. Give a direct link to the video file, or a YouTube link.',
    );
  }
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    response.resume();
    throw tooLarge(options.maxBytes);
  }
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > options.maxBytes) return done(tooLarge(options.maxBytes));
      if (Number.isFinite(declared) && declared > 0) options.onProgress?.(Math.min(1, received / declared));
      done(null, chunk);
    },
  });
  await pipeline(response, counter, createWriteStream(destination), { signal });
  if (Number.isFinite(declared) && received < declared) {
    throw new OnscreenError('download_failed', `The server stopped after ${received} of ${declared} bytes.`);
  }
  return { bytes: received, finalUrl: url.toString(), contentType, suggestedName: suggestName(response, url) };
}

function tooLarge(maxBytes: number): OnscreenError {
  return new OnscreenError('video_too_large', `The video is larger than this server accepts (${formatBytes(maxBytes)}).`);
}

export function explainStatus(status: number): OnscreenError {
  if (status === 404 || status === 410) return new OnscreenError('source_not_found', `The server says there is no video at that address (HTTP ${status}).`);
  if (status === 401 || status === 403) return new OnscreenError('source_private', `The server refuses to give the video without a sign-in (HTTP ${status}).`);
  return new OnscreenError('download_failed', `The server answered HTTP ${status} instead of the video.`);
}

function suggestName(response: IncomingMessage, url: URL): string | null {
  const disposition = response.headers['content-disposition'] ?? '';
  const quoted = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const fromPath = url.pathname.split('/').filter(Boolean).at(-1);
  const name = quoted ?? fromPath;
  if (!name) return null;
  try {
    return decodeURIComponent(name).slice(0, 200);
  } catch {
    return name.slice(0, 200);
  }
}

export function describeNetworkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was cut';
  if (code === 'ETIMEDOUT') return 'the server did not answer';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return 'the server’s certificate is not valid';
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  return `${bytes} bytes`;
}
