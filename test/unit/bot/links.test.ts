import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLinks, findVideoLinks, isVideoLink, normalizeVideoUrl, youtubeVideoId } from '../../../bot/src/slack/links.js';

test('links come out of Slack markup, bare text, with entities decoded and no duplicates', () => {
  const text = 'look <https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=10|the clip> and <https://example.org/a.mp4> also https://example.org/b.mov, and again <https://example.org/a.mp4>';
  assert.deepEqual(findLinks(text), [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
    'https://example.org/a.mp4',
    'https://example.org/b.mov',
  ]);
  assert.deepEqual(findLinks('<@U123> <mailto:a@b.org|a@b.org> <#C1|general> nothing here'), []);
  assert.deepEqual(findLinks(undefined), []);
});

test('video links: YouTube pages and files with a video extension, nothing else', () => {
  const text = '<https://youtu.be/dQw4w9WgXcQ> <https://www.youtube.com/shorts/abcdefghijk> <https://www.youtube.com/@channel> <https://news.example/story> <http://127.0.0.1:8080/clip.MP4?x=1>';
  assert.deepEqual(findVideoLinks(text), ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/shorts/abcdefghijk', 'http://127.0.0.1:8080/clip.MP4?x=1']);
  assert.equal(isVideoLink('https://news.example/story.html'), false);
});

test('YouTube ids and the short form used in button values', () => {
  assert.equal(youtubeVideoId('https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1&index=3'), 'dQw4w9WgXcQ');
  assert.equal(youtubeVideoId('https://youtu.be/dQw4w9WgXcQ?si=abc'), 'dQw4w9WgXcQ');
  assert.equal(youtubeVideoId('https://www.youtube.com/embed/dQw4w9WgXcQ'), 'dQw4w9WgXcQ');
  assert.equal(youtubeVideoId('https://notyoutube.com/watch?v=dQw4w9WgXcQ'), null);
  assert.equal(youtubeVideoId('not a url'), null);
  // The bot reads links as the engine and the extension do (shared/src/youtube-url.ts): ids are 11 characters.
  assert.equal(youtubeVideoId('https://youtu.be/abcdefg'), null);
  assert.equal(youtubeVideoId('https://www.youtube.com/watch?v=abcdefghijklmnop'), null);
  assert.equal(youtubeVideoId('https://www.youtube.com/shorts/dQw4w9WgXcQ'), 'dQw4w9WgXcQ');
  assert.equal(normalizeVideoUrl(`https://www.youtube.com/watch?v=dQw4w9WgXcQ&${'x'.repeat(400)}=1`), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  assert.equal(normalizeVideoUrl('https://example.org/a.mp4?b=1'), 'https://example.org/a.mp4?b=1');
});
