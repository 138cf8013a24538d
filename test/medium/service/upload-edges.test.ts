/**
 * The upload edges of issue 10, over real sockets: stalled bodies are cut off and leave no
 * partial file; an oversized declared length gets 413 before any byte is sent; a token has a
 * cap on uploads at once; a nearly full disk refuses uploads with a sentence; a multipart form
 * is told to send the raw file; a worker's signed link is not refused by the anonymous limit.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { UploadLinks } from '../../../engine/src/services/upload-links.service.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

const hang: AnalysisProcessor = (_task, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))));

interface RawUpload {
  socket: Socket;
  /** Resolves with what the server sent when the connection ends. */
  closed: Promise<string>;
}

/** An upload over a raw socket: headers declaring `declared` bytes, then `send` bytes, then silence. */
function rawUpload(s: TestService, declared: number, send: number, token = s.token): Promise<RawUpload> {
  const { port } = new URL(s.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST /api/v1/jobs/upload?filename=stall.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${declared}\r\n\r\n`);
      if (send > 0) socket.write(Buffer.alloc(send, 7));
      resolve({ socket, closed });
    });
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const closed = new Promise<string>((done) => socket.once('close', () => done(text)));
    socket.once('error', reject);
  });
}

const incoming = (s: TestService) => readdirSync(join(s.dataDir, 'uploads')).filter((n) => n.startsWith('incoming-'));

test('20 uploads that send 1 KiB of 10 MB and go quiet are cut off after the idle timeout, with no partial file left', { timeout: 30_000 }, async () => {
  const s = await startTestService({ bodyIdleSeconds: 2, uploadsPerToken: 50 }, { processor: hang });
  try {
    const started = Date.now();
    const uploads = await Promise.all(Array.from({ length: 20 }, () => rawUpload(s, 10_000_000, 1024)));
    let most = 0;
    for (let i = 0; i < 30 && most < 20; i++) {
      most = Math.max(most, incoming(s).length);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(most, 20, 'each had started its incoming file');
    await Promise.all(uploads.map((u) => u.closed));
    assert.ok(Date.now() - started < 7000, `all closed within 7 s at 2 s idle (took ${Date.now() - started} ms)`);
    for (let i = 0; i < 40 && incoming(s).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(incoming(s), [], 'no partial file left');
    assert.equal((await s.client.listJobs()).jobs.length, 0);
  } finally {
    await s.close();
  }
});

test('a declared length over the limit gets 413 before any byte of the body is sent', { timeout: 30_000 }, async () => {
  const s = await startTestService({ bodyIdleSeconds: 30 });
  try {
    const started = Date.now();
    const upload = await rawUpload(s, 2 * 1024 ** 3 + 1, 0);
    const reply = await upload.closed;
    assert.match(reply, /^HTTP\/1\.1 413 /, reply);
    assert.match(reply, /larger than this server accepts \(2 GiB\)/);
    assert.ok(Date.now() - started < 2000, 'answered at once, not after reading or waiting');
    assert.deepEqual(incoming(s), []);
  } finally {
    await s.close();
  }
});

test('a token has at most N uploads at once; other tokens are not affected', { timeout: 30_000 }, async () => {
  const s = await startTestService({ uploadsPerToken: 2, bodyIdleSeconds: 30 }, { processor: hang });
  const stalled: RawUpload[] = [];
  try {
    stalled.push(await rawUpload(s, 100_000, 10), await rawUpload(s, 100_000, 10));
    for (let i = 0; i < 100 && incoming(s).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    const refused = await call(`${s.url}/api/v1/jobs/upload?filename=c.mp4`, { method: 'POST', body: new Uint8Array(100).fill(1), headers: { 'content-type': 'application/octet-stream' }, token: s.token });
    assert.equal(refused.status, 429, refused.text);
    assert.match(refused.body.error.message, /already has 2 uploads in progress/);
    const other = s.service.tokens.create('other');
    const allowed = await call(`${s.url}/api/v1/jobs/upload?filename=d.mp4`, { method: 'POST', body: new Uint8Array(100).fill(2), headers: { 'content-type': 'application/octet-stream' }, token: other });
    assert.equal(allowed.status, 201, allowed.text);
    for (const u of stalled) u.socket.destroy();
    await Promise.all(stalled.map((u) => u.closed));
    await new Promise((r) => setTimeout(r, 100));
    const after = await call(`${s.url}/api/v1/jobs/upload?filename=e.mp4`, { method: 'POST', body: new Uint8Array(100).fill(3), headers: { 'content-type': 'application/octet-stream' }, token: s.token });
    assert.equal(after.status, 201, 'the slots came back when those uploads ended');
  } finally {
    for (const u of stalled) u.socket.destroy();
    await s.close();
  }
});

test('a nearly full disk refuses uploads with a clear sentence; with space again they are taken', async () => {
  let free = 100 * 1024 ** 2;
  const s = await startTestService({ minFreeBytes: '1GiB' }, { processor: hang, freeSpace: async () => free });
  try {
    const upload = () => call(`${s.url}/api/v1/jobs/upload?filename=f.mp4`, { method: 'POST', body: new Uint8Array(100).fill(4), headers: { 'content-type': 'application/octet-stream' }, token: s.token });
    const refused = await upload();
    assert.equal(refused.status, 503, refused.text);
    assert.match(refused.body.error.message, /disk is nearly full \(100 MiB free\)/);
    assert.match(refused.body.error.hint, /ONSCREEN_MIN_FREE_SPACE/);
    assert.deepEqual(incoming(s), []);
    free = 50 * 1024 ** 3;
    assert.equal((await upload()).status, 201);
  } finally {
    await s.close();
  }
});

test('a multipart form is told to send the raw file', async () => {
  const s = await startTestService({}, { processor: hang });
  try {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(100)]), 'clip.mp4');
    const reply = await call(`${s.url}/api/v1/jobs/upload?filename=clip.mp4`, { method: 'POST', body: form, token: s.token });
    assert.equal(reply.status, 400, reply.text);
    assert.match(reply.body.error.message, /video file itself as the request body .*not a multipart form/);
    assert.match(reply.body.error.hint, /--data-binary/);
    assert.deepEqual(incoming(s), []);
  } finally {
    await s.close();
  }
});

test('after 40 bad tokens from one address, a worker\'s signed link from it still works; bad signatures are refused', async () => {
  const s = await startTestService({}, { processor: hang });
  try {
    const job = await s.client.uploadJob(new Uint8Array(512).fill(5), 'signed.mp4');
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) statuses.add((await call(`${s.url}/api/v1/jobs`, { token: `ons_${'x'.repeat(43)}` })).status);
    assert.ok(statuses.has(429), 'the anonymous limit was reached');
    const links = new UploadLinks((await readFile(join(s.dataDir, 'secret'), 'utf8')).trim(), 3600);
    const link = links.sign(s.url, job.id, 'signed.mp4');
    const video = await call(link);
    assert.equal(video.status, 200, video.text);
    assert.equal(video.text.length, 512);
    const forged = await call(link.replace(/sig=[^&]+/, 'sig=AAAA'));
    assert.equal(forged.status, 403);
  } finally {
    await s.close();
  }
});
