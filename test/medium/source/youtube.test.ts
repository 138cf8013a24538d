// The YouTube door without the internet: youtubei.js pointed at a closed local port must fail fast
// with a plain error, and the file it would have written must not be left behind; the yt-dlp path
// runs against a stand-in script that answers like yt-dlp does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { downloadYouTube } from '../../../engine/src/adapters/youtube.adapter.js';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';

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

/** A stand-in for yt-dlp: answers per video id as the real one does, and logs its arguments. */
async function makeFakeYtDlp(): Promise<{ command: string; log: string }> {
  const source = await makeVideo(join(dir, 'yt-source.mp4'));
  const command = join(dir, 'yt-dlp');
  const log = join(dir, 'yt-dlp.log');
  await writeFile(command, `#!/bin/sh
if [ "$1" = "--version" ]; then echo 2025.01.01; exit 0; fi
echo "$@" > '${log}'
out=""; prev=""; url=""
for a in "$@"; do if [ "$prev" = "-o" ]; then out="$a"; fi; prev="$a"; url="$a"; done
case "$url" in
  *GOODvideo01) cp '${source}' "$out"; printf 'Evening news\\t12.5\\tFalse\\t20260314\\tUCabcdefghijklmnopqrstuv\\t@EveningNews\\tEvening News\\n';;
  *PRIVATEvid0) echo "ERROR: [youtube] PRIVATEvid0: Private video. Sign in if you've been granted access to this video" >&2; exit 1;;
  *LIVEvideo01) printf 'Live now\\tNA\\tTrue\\n';;
  *BIGvideo001) printf 'Big\\t9999\\tFalse\\n'; echo "[download] File is larger than max-filesize. Aborting.";;
esac
`);
  await chmod(command, 0o755);
  return { command, log };
}

test('with yt-dlp: downloads at most 720p MP4 to the destination and reads the title; refusals map to plain errors', async () => {
  const { command, log } = await makeFakeYtDlp();
  const options = { maxBytes: 123456789, timeoutMs: 20_000, ytDlp: command };
  const destination = join(dir, 'good.mp4');
  const video = await downloadYouTube('GOODvideo01', destination, options);
  assert.equal(video.title, 'Evening news');
  assert.equal(video.duration, 12.5);
  assert.equal(video.uploaded, '2026-03-14');
  assert.deepEqual(video.channel, { id: 'UCabcdefghijklmnopqrstuv', handle: '@EveningNews', name: 'Evening News' }, 'the channel, for its totals');
  assert.ok(video.bytes > 1000 && existsSync(destination));
  const args = await readFile(log, 'utf8');
  assert.match(args, /height<=720/);
  assert.match(args, /--max-filesize 123456789/);
  assert.match(args, /--no-playlist/);
  assert.match(args, /https:\/\/www\.youtube\.com\/watch\?v=GOODvideo01/);
  assert.equal((await failure(downloadYouTube('PRIVATEvid0', join(dir, 'p.mp4'), options))).code, 'source_private');
  assert.equal((await failure(downloadYouTube('LIVEvideo01', join(dir, 'l.mp4'), options))).code, 'source_unavailable');
  assert.equal((await failure(downloadYouTube('BIGvideo001', join(dir, 'b.mp4'), options))).code, 'video_too_large');
});
