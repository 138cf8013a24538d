// The downloader against a local HTTP server on 127.0.0.1 (the only traffic these tests send):
// limits, status codes, redirects re-checked at every hop, and private addresses refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { downloadFile } from '../../../engine/src/adapters/http-fetch.adapter.js';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';
import { sourceDoors } from '../../../engine/src/adapters/source-doors.js';
import { resolveSource } from '../../../engine/src/stages/source/resolve-source.js';
import { makeTempDir, makeVideo } from '../../fixtures/media.js';

/** ffmpeg as the adapter finds it (no configured binaries). */
const system = new Ffmpeg();

let dir = '';
let remove = async () => {};
let video = Buffer.alloc(0);
let base = '';
const requests: string[] = [];
const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  const route = new URL(req.url ?? '/', 'http://x').pathname;
  if (route === '/clip.mp4') {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length, 'content-disposition': 'attachment; filename="evening news.mp4"' });
    res.end(video);
  } else if (route === '/chunked') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(video);
  } else if (route === '/redirect') {
    res.writeHead(302, { location: '/clip.mp4' }).end();
  } else if (route === '/redirect-private') {
    res.writeHead(301, { location: 'http://10.1.2.3/clip.mp4' }).end();
  } else if (route === '/redirect-other-loopback') {
    res.writeHead(307, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/clip.mp4` }).end();
  } else if (route === '/loop') {
    res.writeHead(302, { location: '/loop' }).end();
  } else if (route === '/slow') {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 1000 });
    res.write(Buffer.alloc(10));
    const timer = setInterval(() => res.write(Buffer.alloc(1)), 100);
    res.on('close', () => clearInterval(timer));
  } else if (route === '/silent') {
    req.socket.setTimeout(0);
  } else if (route === '/big') {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 50_000_000 });
    res.end();
  } else if (route === '/cut-short') {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length });
    res.write(video.subarray(0, 100));
    res.destroy();
  } else if (route === '/page') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>a news article</html>');
  } else {
    const status = Number(route.slice(1)) || 404;
    res.writeHead(status).end();
  }
});

before(async () => {
  ({ dir, remove } = await makeTempDir());
  video = await readFile(await makeVideo(join(dir, 'source.mp4'), { segments: [{ source: 'testsrc2', seconds: 1 }] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await remove();
});

const open = { allowPrivateNetwork: true, maxBytes: 10_000_000, timeoutMs: 5000 };
/** Lets 127.0.0.1 (standing in for a public server) through, refuses every other address. */
const onlyThisServer = { ...open, allowPrivateNetwork: false, isAddressAllowed: (ip: string) => ip === '127.0.0.1' };

async function codeOf(promise: Promise<unknown>, destination?: string): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    assert.ok(error instanceof OnscreenError, `expected an OnscreenError, got ${String(error)}`);
    assert.ok(error.message.length > 20, error.message);
    if (destination) assert.equal(existsSync(destination), false, 'a failed download leaves no file behind');
    return error.code;
  }
}

test('downloads a video, reports its size and suggested name, and the file probes as a video', async () => {
  const destination = join(dir, 'got.mp4');
  const fractions: number[] = [];
  const result = await downloadFile(`${base}/clip.mp4`, destination, { ...open, onProgress: (f) => fractions.push(f) });
  assert.equal(result.bytes, video.length);
  assert.equal(result.suggestedName, 'evening news.mp4');
  assert.equal((await stat(destination)).size, video.length);
  assert.equal(fractions.at(-1), 1);
  assert.equal((await system.probeVideo(destination)).width, 320);
});

test('resolveSource with the real doors downloads a URL into the work folder', async () => {
  const source = await resolveSource(`${base}/redirect`, { workDir: dir, doors: sourceDoors, allowPrivateNetwork: true });
  assert.deepEqual({ ...source, path: source.path.replace(dir, '<work>') }, {
    path: '<work>/download.video', label: `${base}/redirect`, title: 'evening news.mp4', kind: 'url', videoId: null,
  });
  assert.equal((await stat(source.path)).size, video.length);
});

test('HTTP statuses map to source_not_found, source_private and a retryable download_failed', async () => {
  assert.equal(await codeOf(downloadFile(`${base}/404`, join(dir, 'a'), open), join(dir, 'a')), 'source_not_found');
  assert.equal(await codeOf(downloadFile(`${base}/410`, join(dir, 'a'), open)), 'source_not_found');
  assert.equal(await codeOf(downloadFile(`${base}/403`, join(dir, 'a'), open)), 'source_private');
  assert.equal(await codeOf(downloadFile(`${base}/401`, join(dir, 'a'), open)), 'source_private');
  const failed = downloadFile(`${base}/503`, join(dir, 'a'), open).catch((e: unknown) => e);
  const error = await failed;
  assert.ok(error instanceof OnscreenError && error.code === 'download_failed' && error.isRetryable);
});

test('a slow or silent server hits the time limit', async () => {
  const destination = join(dir, 'slow.mp4');
  const started = Date.now();
  assert.equal(await codeOf(downloadFile(`${base}/slow`, destination, { ...open, timeoutMs: 400 }), destination), 'download_timeout');
  assert.equal(await codeOf(downloadFile(`${base}/silent`, destination, { ...open, timeoutMs: 400 }), destination), 'download_timeout');
  assert.ok(Date.now() - started < 3000);
});

test('too large a body is refused, by its declared length or by the bytes counted', async () => {
  const destination = join(dir, 'big.mp4');
  assert.equal(await codeOf(downloadFile(`${base}/big`, destination, open), destination), 'video_too_large');
  assert.equal(await codeOf(downloadFile(`${base}/clip.mp4`, destination, { ...open, maxBytes: 1000 }), destination), 'video_too_large');
  assert.equal(await codeOf(downloadFile(`${base}/chunked`, destination, { ...open, maxBytes: 1000 }), destination), 'video_too_large');
});

test('a body cut short, a web page and a closed port are refused with plain errors', async () => {
  assert.equal(await codeOf(downloadFile(`${base}/cut-short`, join(dir, 'c'), open), join(dir, 'c')), 'download_failed');
  assert.equal(await codeOf(downloadFile(`${base}/page`, join(dir, 'p'), open)), 'video_unreadable');
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  assert.equal(await codeOf(downloadFile(`http://127.0.0.1:${port}/x.mp4`, join(dir, 'x'), open)), 'download_failed');
});

test('private addresses are refused by default before any request is sent', async () => {
  const before = requests.length;
  for (const url of [`${base}/clip.mp4`, 'http://10.0.0.1/clip.mp4', 'http://192.168.1.20/clip.mp4', 'http://169.254.169.254/latest/meta-data',
    'http://[::1]/clip.mp4', 'http://[fc00::1]/clip.mp4', 'http://[::ffff:127.0.0.1]/clip.mp4', `http://localhost:${new URL(base).port}/clip.mp4`]) {
    const options = { maxBytes: 1000, timeoutMs: 2000 };
    assert.equal(await codeOf(downloadFile(url, join(dir, 'private.mp4'), options)), 'url_private_address', url);
    assert.equal(await codeOf(resolveSource(url, { workDir: dir, doors: sourceDoors })), 'url_private_address', url);
  }
  assert.equal(requests.length, before, 'no request reached the server');
});

test('every redirect hop is checked: a redirect to a private address is refused', async () => {
  const destination = join(dir, 'hop.mp4');
  assert.equal((await downloadFile(`${base}/redirect`, destination, onlyThisServer)).bytes, video.length);
  assert.equal(await codeOf(downloadFile(`${base}/redirect-private`, destination, onlyThisServer), destination), 'url_private_address');
  assert.equal(await codeOf(downloadFile(`${base}/redirect-other-loopback`, destination, onlyThisServer), destination), 'url_private_address');
  assert.equal(await codeOf(downloadFile(`${base}/loop`, destination, onlyThisServer), destination), 'download_failed');
});

test('connections go to the addresses checked, resolved once per hop (no second lookup to rebind)', async () => {
  const port = new URL(base).port;
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    return [{ address: '127.0.0.1', family: 4 }];
  };
  const result = await downloadFile(`http://video.test:${port}/redirect`, join(dir, 'pinned.mp4'), { ...onlyThisServer, resolve });
  assert.equal(result.bytes, video.length);
  assert.equal(result.finalUrl, `http://video.test:${port}/clip.mp4`);
  assert.deepEqual(asked, ['video.test', 'video.test']);
  const rebinding = async () => [{ address: '127.0.0.1', family: 4 }, { address: '192.168.0.1', family: 4 }];
  assert.equal(await codeOf(downloadFile(`http://video.test:${port}/clip.mp4`, join(dir, 'r.mp4'), { ...onlyThisServer, resolve: rebinding })), 'url_private_address');
});

test('cancelling stops the download with interrupted', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 150);
  assert.equal(await codeOf(downloadFile(`${base}/slow`, join(dir, 'cancel.mp4'), { ...open, signal: controller.signal }), join(dir, 'cancel.mp4')), 'interrupted');
});
