import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UploadLinks } from '../../../engine/src/services/upload-links.service.js';

const ID = '0123456789abcdef0123';
const OTHER = 'ffffffffffffffffffff';

test('a signed link is valid for its job until it expires, and cannot be altered', () => {
  let now = 1_700_000_000_000;
  const links = new UploadLinks('a-long-enough-secret-for-tests', 3600, () => now);
  const url = new URL(links.sign('http://127.0.0.1:8750', ID, 'my clip.mp4'));
  assert.equal(url.pathname, `/api/v1/uploads/${ID}/my_clip.mp4`);
  const expires = url.searchParams.get('expires');
  const sig = url.searchParams.get('sig');
  assert.equal(links.isValid(ID, expires, sig), true);
  assert.equal(links.isValid(OTHER, expires, sig), false, 'another job');
  assert.equal(links.isValid(ID, String(Number(expires) + 3600), sig), false, 'a stretched expiry');
  assert.equal(links.isValid(ID, expires, `${sig!.slice(0, -1)}A`), false, 'a forged signature');
  assert.equal(links.isValid(ID, null, sig), false);
  assert.equal(new UploadLinks('another-secret-entirely-different', 3600, () => now).isValid(ID, expires, sig), false, 'another server');
  now += 3601_000;
  assert.equal(links.isValid(ID, expires, sig), false, 'expired');
});
