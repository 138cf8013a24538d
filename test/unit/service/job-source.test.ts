import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { parseYouTubeUrl } from '../../../shared/src/youtube-url.js';
import { classifyUrl, reuseKeyOfUpload, reuseKeyOfUrl } from '../../../engine/src/services/job-source.js';

const findId = (url: string) => parseYouTubeUrl(url)?.videoId ?? null;
const key = (url: string, fps = 2) => reuseKeyOfUrl(classifyUrl(url, findId), fps);

test('every form of the same YouTube video has the same key; the sampling rate is part of it', () => {
  const forms = ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ?t=42', 'https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1'];
  assert.deepEqual(new Set(forms.map((u) => key(u))), new Set(['youtube:dQw4w9WgXcQ|fps=2']));
  assert.notEqual(key(forms[0]!, 2), key(forms[0]!, 4));
  assert.equal(classifyUrl(forms[1]!, findId).kind, 'youtube');
});

test('other URLs are normalised: fragment dropped, query sorted, host lower-cased', () => {
  assert.equal(key('https://Media.Example/v.mp4?b=2&a=1#t=3'), key('https://media.example/v.mp4?a=1&b=2'));
  assert.notEqual(key('https://media.example/v.mp4?a=1'), key('https://media.example/v.mp4?a=2'));
  assert.equal(classifyUrl('https://media.example/v.mp4', findId).kind, 'url');
  assert.equal(reuseKeyOfUpload('ab'.repeat(32), 2), `upload:${'ab'.repeat(32)}|fps=2`);
});

test('non-http URLs and URLs with credentials are refused with url_invalid', () => {
  for (const bad of ['file:///etc/passwd', 'ftp://media.example/v.mp4', 'not a url', 'https://user:pw@media.example/v.mp4']) {
    assert.throws(() => classifyUrl(bad, findId), (e: unknown) => e instanceof OnscreenError && e.code === 'url_invalid', bad);
  }
});
