import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyMediaLink, classifyYouTubeLink } from '../../../engine/src/stages/source/link-kind.js';

test('YouTube links are judged by their shape: a video is one, a channel or playlist is not; other hosts are left to the headers', () => {
  assert.deepEqual(classifyYouTubeLink('https://youtu.be/dQw4w9WgXcQ?t=5'), {
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', kind: 'youtube', isVideo: true, contentType: null, message: 'A YouTube video.',
  });
  const channel = classifyYouTubeLink('https://www.youtube.com/@newsroom');
  assert.equal(channel?.isVideo, false);
  assert.match(channel?.message ?? '', /does not point to one video/);
  assert.equal(classifyYouTubeLink('https://example.org/watch?v=dQw4w9WgXcQ'), null);
});

test('a link is a video when its server says so; pages, sound, pictures and playlists are not, each said in words', () => {
  const kind = (url: string, type: string | null) => classifyMediaLink(url, type);
  assert.equal(kind('https://e.org/a', 'video/mp4').kind, 'media');
  assert.equal(kind('https://e.org/a', 'video/webm; codecs="vp9"').isVideo, true);
  assert.equal(kind('https://e.org/a.mkv', 'application/x-matroska').isVideo, true);
  assert.equal(kind('https://e.org/download/123', 'application/octet-stream').isVideo, true, 'bytes with no name to say otherwise');
  assert.equal(kind('https://e.org/clip.MP4', 'binary/octet-stream').isVideo, true);
  assert.equal(kind('https://e.org/archive.zip', 'application/octet-stream').isVideo, false, 'bytes named as something else');
  assert.equal(kind('https://e.org/clip.mp4', null).isVideo, true, 'no type: the name decides');
  assert.equal(kind('https://e.org/story', null).isVideo, false);
  const page = kind('https://e.org/news/story', 'text/html; charset=utf-8');
  assert.deepEqual([page.kind, page.isVideo], ['page', false]);
  assert.match(page.message, /web page, not a video\. Give a direct link to the video file, or a YouTube link\./);
  assert.equal(kind('https://e.org/a.mp3', 'audio/mpeg').kind, 'audio');
  assert.equal(kind('https://e.org/a.png', 'image/png').kind, 'image');
  assert.equal(kind('https://e.org/live.m3u8', 'application/vnd.apple.mpegurl').kind, 'stream');
  assert.match(kind('https://e.org/data', 'application/json').message, /the server says it is application\/json/);
});
