import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { UploadGuard } from '../../../engine/src/api/upload-guard.js';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const slowDisk = (bytes: number) => () => new Promise<number>((resolve) => setTimeout(() => resolve(bytes), 20));

/** 'admitted', or the code of the refusal. */
const codeOf = (attempt: Promise<unknown>): Promise<string> =>
  attempt.then(
    () => 'admitted',
    (error: unknown) => (error instanceof OnscreenError ? error.code : String(error)),
  );

test('uploads arriving together count against the cap while the disk is asked', async () => {
  const guard = new UploadGuard({ limitBytes: 1000, perToken: 1, minFreeBytes: 10, freeSpace: slowDisk(1e9) });
  const codes = await Promise.all([1, 2].map(() => codeOf(guard.admit(request({ 'content-length': '100' }), 'ana'))));
  assert.deepEqual(codes.sort(), ['admitted', 'rate_limited']);
  assert.equal(await codeOf(guard.admit(request({}), 'ben')), 'admitted', 'per token');
});

test('a refusal for disk space gives the slot back; ending an upload frees its slot once', async () => {
  let free = 50;
  const guard = new UploadGuard({ limitBytes: 1000, perToken: 1, minFreeBytes: 100, freeSpace: async () => free });
  assert.equal(await codeOf(guard.admit(request({}), 'ana')), 'unavailable');
  free = 1e9;
  const end = await guard.admit(request({}), 'ana');
  assert.equal(await codeOf(guard.admit(request({}), 'ana')), 'rate_limited');
  end();
  end();
  await guard.admit(request({}), 'ana');
  assert.equal(await codeOf(guard.admit(request({}), 'ana')), 'rate_limited', 'a second end() freed nothing more');
});

test('declared oversize and multipart are refused before anything else', async () => {
  const guard = new UploadGuard({ limitBytes: 1000, perToken: 1, minFreeBytes: 0, freeSpace: async () => assert.fail('the disk is not asked') });
  assert.equal(await codeOf(guard.admit(request({ 'content-length': '1001' }), 'ana')), 'video_too_large');
  assert.equal(await codeOf(guard.admit(request({ 'content-type': 'multipart/form-data; boundary=x' }), 'ana')), 'bad_request');
});
