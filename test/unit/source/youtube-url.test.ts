import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isYouTubeHostUrl, parseYouTubeListUrl, parseYouTubeUrl, toYouTubeListUrl, toYouTubeWatchUrl } from '../../../shared/src/youtube-url.js';

const ID = 'dQw4w9WgXcQ';

test('parseYouTubeUrl finds the video id in every usual shape of link', () => {
  const shapes = [
    `https://www.youtube.com/watch?v=${ID}`,
    `https://youtube.com/watch?v=${ID}`,
    `http://www.youtube.com/watch?v=${ID}`,
    `https://m.youtube.com/watch?v=${ID}`,
    `https://music.youtube.com/watch?v=${ID}&feature=share`,
    `https://www.youtube.com/watch?app=desktop&v=${ID}&list=PL123&index=4`,
    `https://www.youtube.com/watch?v=${ID}#comments`,
    `https://youtu.be/${ID}`,
    `https://youtu.be/${ID}?si=abcDEF123`,
    `https://www.youtube.com/shorts/${ID}`,
    `https://youtube.com/shorts/${ID}?feature=share`,
    `https://www.youtube.com/embed/${ID}?autoplay=1`,
    `https://www.youtube-nocookie.com/embed/${ID}`,
    `https://www.youtube.com/live/${ID}`,
    `https://www.youtube.com/v/${ID}`,
    `www.youtube.com/watch?v=${ID}`,
    `youtu.be/${ID}`,
    `  https://WWW.YOUTUBE.COM/watch?v=${ID}  `,
  ];
  for (const shape of shapes) assert.equal(parseYouTubeUrl(shape)?.videoId, ID, shape);
});

test('parseYouTubeUrl reads the start time in seconds or h/m/s', () => {
  assert.equal(parseYouTubeUrl(`https://youtu.be/${ID}?t=42`)?.startSeconds, 42);
  assert.equal(parseYouTubeUrl(`https://www.youtube.com/watch?v=${ID}&t=1m30s`)?.startSeconds, 90);
  assert.equal(parseYouTubeUrl(`https://www.youtube.com/watch?v=${ID}&t=1h2m3s`)?.startSeconds, 3723);
  assert.equal(parseYouTubeUrl(`https://www.youtube.com/embed/${ID}?start=15`)?.startSeconds, 15);
  assert.equal(parseYouTubeUrl(`https://www.youtube.com/watch?v=${ID}`)?.startSeconds, null);
  assert.equal(parseYouTubeUrl(`https://www.youtube.com/watch?v=${ID}&t=soon`)?.startSeconds, null);
});

test('parseYouTubeUrl refuses what is not one YouTube video', () => {
  const refused = [
    '',
    'not a url',
    'https://www.youtube.com/',
    'https://www.youtube.com/@SomeChannel',
    'https://www.youtube.com/playlist?list=PL1234567890',
    'https://www.youtube.com/results?search_query=news',
    `https://www.youtube.com/watch?v=${ID.slice(0, 10)}`,
    `https://www.youtube.com/watch?v=${ID}x`,
    `https://www.youtube.com/watch?v=${ID.slice(0, 10)}!`,
    `https://notyoutube.com/watch?v=${ID}`,
    `https://youtube.com.evil.example/watch?v=${ID}`,
    `https://evil.example/youtu.be/${ID}`,
    `https://user:pass@www.youtube.com/watch?v=${ID}`,
    `https://www.youtube.com:8443/watch?v=${ID}`,
    `ftp://www.youtube.com/watch?v=${ID}`,
    `javascript:alert(1)//youtu.be/${ID}`,
    `https://www.youtube.com/watch/extra?v=${ID}`,
    `https://vimeo.com/${ID}`,
  ];
  for (const text of refused) assert.equal(parseYouTubeUrl(text), null, text);
});

test('toYouTubeWatchUrl and isYouTubeHostUrl', () => {
  assert.equal(toYouTubeWatchUrl(ID), `https://www.youtube.com/watch?v=${ID}`);
  assert.equal(parseYouTubeUrl(toYouTubeWatchUrl(ID))?.videoId, ID);
  assert.equal(isYouTubeHostUrl('https://www.youtube.com/@SomeChannel'), true);
  assert.equal(isYouTubeHostUrl('https://example.com/video.mp4'), false);
});

test('playlist and channel links are lists; a watch link inside a playlist is one video', () => {
  assert.deepEqual(parseYouTubeListUrl('https://www.youtube.com/playlist?list=PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf'), { kind: 'playlist', id: 'PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf' });
  assert.deepEqual(parseYouTubeListUrl('youtube.com/@BBCNews'), { kind: 'channel', path: '/@BBCNews' });
  assert.deepEqual(parseYouTubeListUrl('https://m.youtube.com/@BBCNews/videos'), { kind: 'channel', path: '/@BBCNews' });
  assert.deepEqual(parseYouTubeListUrl('https://www.youtube.com/channel/UC16niRr50-MSBwiO3YDb3RA'), { kind: 'channel', path: '/channel/UC16niRr50-MSBwiO3YDb3RA' });
  assert.deepEqual(parseYouTubeListUrl('https://www.youtube.com/c/Foo/videos'), { kind: 'channel', path: '/c/Foo' });
  for (const notAList of [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL123456789',
    'https://www.youtube.com/playlist?list=x',
    'https://evil.example/@BBCNews',
    'https://www.youtube.com/@BBCNews/about',
    'https://www.youtube.com/results?search_query=news',
    'https://user:pw@www.youtube.com/@BBCNews',
    'ftp://www.youtube.com/@BBCNews',
  ]) assert.equal(parseYouTubeListUrl(notAList), null, notAList);
  assert.equal(toYouTubeListUrl({ kind: 'channel', path: '/@BBCNews' }), 'https://www.youtube.com/@BBCNews/videos');
  assert.equal(toYouTubeListUrl({ kind: 'playlist', id: 'PL123456789x' }), 'https://www.youtube.com/playlist?list=PL123456789x');
});
