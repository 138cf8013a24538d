// POST /api/v1/links/check through the real service against a local HTTP server on 127.0.0.1
// (the only traffic these tests send): what a link serves is asked with HEAD, or one byte when
// HEAD is refused; nothing is downloaded and no job is made; private addresses stay refused.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { call, startTestService, type TestService } from '../service/helpers/test-service.js';

const seen: { method: string; path: string; headers: IncomingHttpHeaders }[] = [];
const BODY = Buffer.alloc(64 * 1024, 7);
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  seen.push({ method: req.method ?? '', path, headers: req.headers });
  const send = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (path === '/clip.mp4') return send(200, { 'content-type': 'video/mp4', 'content-length': BODY.length }, BODY);
  if (path === '/story') return send(200, { 'content-type': 'text/html; charset=utf-8' }, '<html><body>news</body></html>');
  if (path === '/moved') return send(302, { location: '/clip.mp4' });
  if (path === '/song.mp3') return send(200, { 'content-type': 'audio/mpeg' }, BODY);
  if (path === '/missing') return send(404, { 'content-type': 'text/plain' }, 'no');
  // Links signed for GET only refuse HEAD; one byte is enough to read the type.
  if (path === '/signed') {
    if (req.method === 'HEAD') return send(403, {});
    return send(req.headers.range ? 206 : 200, { 'content-type': 'video/webm', 'content-range': `bytes 0-0/${BODY.length}` }, BODY.subarray(0, 1));
  }
  return send(404, {});
});

let s: TestService;
let strict: TestService;
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s = await startTestService({ allowPrivateNetwork: true });
  strict = await startTestService({ allowPrivateNetwork: false });
});
after(async () => {
  await s?.close();
  await strict?.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

test('a video file is a video, asked with HEAD only (redirects followed); a web page, a sound file are not, in words', async () => {
  seen.length = 0;
  const clip = await s.client.checkLink(`${base}/clip.mp4`);
  assert.deepEqual(clip, { url: `${base}/clip.mp4`, kind: 'media', isVideo: true, contentType: 'video/mp4', message: 'A video file.' });
  assert.deepEqual(seen.map((r) => `${r.method} ${r.path}`), ['HEAD /clip.mp4'], 'nothing downloaded');
  const moved = await s.client.checkLink(`${base}/moved`);
  assert.equal(moved.url, `${base}/clip.mp4`);
  assert.equal(moved.isVideo, true);
  const page = await s.client.checkLink(`${base}/story`);
  assert.deepEqual([page.kind, page.isVideo], ['page', false]);
  assert.match(page.message, /web page, not a video/);
  assert.equal((await s.client.checkLink(`${base}/song.mp3`)).kind, 'audio');
  assert.deepEqual((await s.client.listJobs()).jobs, [], 'no job was made');
});

test('when HEAD is refused, one byte is asked for with a range request', async () => {
  seen.length = 0;
  const signed = await s.client.checkLink(`${base}/signed?sig=abc`);
  assert.equal(signed.isVideo, true);
  assert.equal(signed.contentType, 'video/webm');
  assert.deepEqual(seen.map((r) => [r.method, r.headers.range ?? null]), [['HEAD', null], ['GET', 'bytes=0-0']]);
});

test('a YouTube link is judged without fetching; nothing there, a bad URL and private addresses are refused with their codes', async () => {
  seen.length = 0;
  const youtube = await s.client.checkLink('https://youtu.be/dQw4w9WgXcQ');
  assert.deepEqual([youtube.kind, youtube.isVideo, youtube.url], ['youtube', true, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
  assert.equal((await s.client.checkLink('https://www.youtube.com/playlist?list=PL123')).isVideo, false);
  assert.deepEqual(seen, [], 'no request for YouTube links');
  await assert.rejects(s.client.checkLink(`${base}/missing`), (e: unknown) => e instanceof OnscreenError && e.code === 'source_not_found');
  await assert.rejects(s.client.checkLink('ftp://example.org/a.mp4'), (e: unknown) => e instanceof OnscreenError && e.code === 'url_invalid');
  const refused = await call(`${strict.url}/api/v1/links/check`, { method: 'POST', token: strict.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${base}/clip.mp4` }) });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.error.code, 'url_private_address');
  assert.equal((await call(`${s.url}/api/v1/links/check`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status, 401, 'needs a token');
});
