// The YouTube door without the internet: youtubei.js pointed at a closed local port must fail fast
// with a plain error, and the file it would have written must not be left behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { downloadYouTube } from '../../../engine/src/adapters/youtube.adapter.js';
import { makeTempDir } from '../../fixtures/media.js';

let dir = '';
let remove = async () => {};
let closedPort = 0;
const answered: string[] = [];
const server = createServer((req, res) => {
  answered.push(req.url ?? '');
  res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
});

before(async () => {
  ({ dir, remove } = await makeTempDir());
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await remove();
});

/** A fetch that sends every request to `port` on this machine instead of YouTube. */
function fetchTo(port: number): typeof fetch {
  return (input, init) => {
    const original = new URL(input instanceof Request ? input.url : String(input));
    return fetch(`http://127.0.0.1:${port}${original.pathname}${original.search}`, { ...init, method: init?.method ?? 'GET' });
  };
}

async function failure(promise: Promise<unknown>): Promise<OnscreenError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  assert.ok(error instanceof OnscreenError, `expected an OnscreenError, got ${String(error)}`);
  return error;
}

test('with YouTube unreachable the download fails fast with a plain, retryable error', async () => {
  const destination = join(dir, 'youtube.mp4');
  const started = Date.now();
  const error = await failure(downloadYouTube('dQw4w9WgXcQ', destination, { maxBytes: 1e9, timeoutMs: 20_000, useYtDlp: false, fetch: fetchTo(closedPort) }));
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  assert.equal(error.code, 'download_failed');
  assert.match(error.message, /YouTube could not be reached/);
  assert.equal(existsSync(destination), false);
});

test('with YouTube answering 503 the download fails with a plain retryable error, not a stack trace', async () => {
  const port = (server.address() as AddressInfo).port;
  const error = await failure(downloadYouTube('dQw4w9WgXcQ', join(dir, 'y2.mp4'), { maxBytes: 1e9, timeoutMs: 20_000, useYtDlp: false, fetch: fetchTo(port) }));
  assert.equal(error.code, 'download_failed');
  assert.match(error.message, /Try again/);
  assert.doesNotMatch(error.message, /\n\s+at /);
  assert.ok(answered.length > 0, 'the local stand-in was asked');
});

test('the time limit applies to the YouTube path too', async () => {
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const error = await failure(downloadYouTube('dQw4w9WgXcQ', join(dir, 'y3.mp4'), {
      maxBytes: 1e9, timeoutMs: 500, useYtDlp: false, fetch: fetchTo((silent.address() as AddressInfo).port),
    }));
    assert.equal(error.code, 'download_timeout');
  } finally {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  }
});
