import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createThumbnailSigner, deriveThumbnailSecret, parsePictureFile } from '../../../bot/src/http/thumbnail-urls.js';

test('a signed URL verifies until it expires, and only for its job and person', () => {
  let now = Date.UTC(2025, 0, 1);
  const signer = createThumbnailSigner({ publicUrl: 'https://bot.example', secret: deriveThumbnailSecret('s'), ttlSeconds: 3600, now: () => now });
  const url = new URL(signer.urlFor('job-1', 4) as string);
  assert.equal(url.origin + url.pathname, 'https://bot.example/thumbnails/job-1/4.jpg');
  const exp = Number(url.searchParams.get('exp'));
  const sig = url.searchParams.get('sig') as string;
  assert.ok(exp * 1000 >= now + 3600_000 && exp * 1000 <= now + 2 * 3600_000);
  assert.equal(signer.verify('job-1', 4, exp, sig), true);
  assert.equal(signer.verify('job-1', 5, exp, sig), false);
  assert.equal(signer.verify('job-2', 4, exp, sig), false);
  assert.equal(signer.verify('job-1', 4, exp + 1, sig), false);
  assert.equal(signer.verify('job-1', 4, exp, `${sig.slice(0, -1)}A`), false);
  assert.equal(signer.verify('job-1', 4, Number.NaN, sig), false);
  now = exp * 1000 + 1;
  assert.equal(signer.verify('job-1', 4, exp, sig), false);
});

test('another secret signs differently; no public URL means no picture', () => {
  const a = createThumbnailSigner({ publicUrl: 'https://bot.example', secret: deriveThumbnailSecret('a'), ttlSeconds: 60 });
  const b = createThumbnailSigner({ publicUrl: 'https://bot.example', secret: deriveThumbnailSecret('b'), ttlSeconds: 60 });
  const url = new URL(a.urlFor('j', 1) as string);
  assert.equal(b.verify('j', 1, Number(url.searchParams.get('exp')), url.searchParams.get('sig') as string), false);
  assert.equal(createThumbnailSigner({ publicUrl: null, secret: 'x', ttlSeconds: 60 }).urlFor('j', 1), null);
});

test('the square face and the strip have their own links; one does not open the other', () => {
  const signer = createThumbnailSigner({ publicUrl: 'https://bot.example', secret: deriveThumbnailSecret('s'), ttlSeconds: 3600 });
  const face = new URL(signer.urlFor('job-1', 4, 'face') as string);
  const strip = new URL(signer.urlFor('job-1', 4) as string);
  assert.equal(face.pathname, '/thumbnails/job-1/4-face.jpg');
  assert.deepEqual(parsePictureFile('4-face.jpg'), { person: 4, kind: 'face' });
  assert.deepEqual(parsePictureFile('4.jpg'), { person: 4, kind: 'strip' });
  assert.equal(parsePictureFile('4-strip.jpg'), null);
  assert.equal(parsePictureFile('..%2F4.jpg'), null);
  const exp = Number(face.searchParams.get('exp'));
  assert.equal(signer.verify('job-1', 4, exp, face.searchParams.get('sig') as string, 'face'), true);
  assert.equal(signer.verify('job-1', 4, exp, face.searchParams.get('sig') as string, 'strip'), false);
  assert.equal(signer.verify('job-1', 4, exp, strip.searchParams.get('sig') as string, 'face'), false);
});
