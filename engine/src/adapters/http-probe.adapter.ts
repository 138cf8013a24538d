/**
 * Asks a server what an address serves, without downloading it: a HEAD request, and when the
 * server refuses HEAD (405, or 403 from links signed for GET only) a GET of one byte
 * (`Range: bytes=0-0`) whose body is dropped. Redirects are followed by hand with every hop
 * re-checked by the network guard, and connections pinned to the checked addresses, like the
 * downloader.
 */
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { OnscreenError } from '../../../shared/src/errors.js';
import { describeNetworkError, explainStatus } from './http-fetch.adapter.js';
import type { GuardOptions } from './network-guard.js';
import { assertPublicUrl, pinnedLookup } from './network-guard.js';

export interface ProbeOptions extends GuardOptions {
  /** All requests together must answer within this, milliseconds (default 8 s). */
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface ProbeResult {
  /** The address after redirects. */
  finalUrl: string;
  contentType: string | null;
}

export async function probeUrl(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 8000;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const head = await follow(url, 'HEAD', options, signal);
    if (isOk(head.status)) return head.result;
    const get = await follow(url, 'GET', options, signal);
    if (isOk(get.status)) return get.result;
    throw explainStatus(get.status);
  } catch (error) {
    if (error instanceof OnscreenError) throw error;
    if (signal.aborted) throw new OnscreenError('download_timeout', `The server did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    throw new OnscreenError('download_failed', `The link could not be opened: ${describeNetworkError(error)}.`);
  }
}

async function follow(url: string, method: 'HEAD' | 'GET', options: ProbeOptions, signal: AbortSignal): Promise<{ status: number; result: ProbeResult }> {
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
    const checked = await assertPublicUrl(current, options);
    const response = await send(checked.url, checked.addresses, method, signal);
    response.destroy();
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      current = new URL(response.headers.location, checked.url).toString();
      continue;
    }
    return { status, result: { finalUrl: checked.url.toString(), contentType: response.headers['content-type'] ?? null } };
  }
  throw new OnscreenError('download_failed', 'The address redirects too many times.');
}

function send(url: URL, addresses: Parameters<typeof pinnedLookup>[0], method: 'HEAD' | 'GET', signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      lookup: pinnedLookup(addresses),
      signal,
      headers: { 'user-agent': 'onscreen (video analysis)', accept: 'video/*, application/octet-stream;q=0.9, */*;q=0.5', ...(method === 'GET' ? { range: 'bytes=0-0' } : {}) },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}
