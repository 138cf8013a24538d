import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalWatchUrl, classifyVideoPage, isWatchPage, videoIdOf, type PlayerFacts } from '../../../extension/src/youtube-page.js';

const playing: PlayerFacts = { hasVideoElement: true, isLive: false, hasPlayerError: false };

test('the video id comes from watch, Shorts and live pages of YouTube only', () => {
  assert.equal(videoIdOf('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL123'), 'dQw4w9WgXcQ');
  assert.equal(videoIdOf('https://m.youtube.com/watch?v=dQw4w9WgXcQ'), 'dQw4w9WgXcQ');
  assert.equal(videoIdOf('https://www.youtube.com/shorts/abcdefghijk'), 'abcdefghijk');
  assert.equal(videoIdOf('https://www.youtube.com/live/abcdefghijk?si=x'), 'abcdefghijk');
  assert.equal(videoIdOf('https://www.youtube.com/'), null);
  assert.equal(videoIdOf('https://www.youtube.com/results?search_query=news'), null);
  assert.equal(videoIdOf('https://www.youtube.com/watch?v=short'), null);
  assert.equal(videoIdOf('https://evil.example/watch?v=dQw4w9WgXcQ'), null);
  assert.equal(videoIdOf('not a url'), null);
});

test('only /watch is a watch page', () => {
  assert.equal(isWatchPage(new URL('https://www.youtube.com/watch?v=dQw4w9WgXcQ')), true);
  assert.equal(isWatchPage(new URL('https://www.youtube.com/feed/subscriptions')), false);
  assert.equal(isWatchPage(new URL('https://example.com/watch?v=dQw4w9WgXcQ')), false);
});

test('a playing video is analysable, under its plain watch URL', () => {
  const page = classifyVideoPage('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL1&index=3', playing);
  assert.deepEqual(page, { kind: 'video', videoId: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
  assert.equal(canonicalWatchUrl('abcdefghijk'), 'https://www.youtube.com/watch?v=abcdefghijk');
});

test('live streams are refused with a reason', () => {
  const page = classifyVideoPage('https://www.youtube.com/watch?v=dQw4w9WgXcQ', { ...playing, isLive: true });
  assert.equal(page.kind, 'unavailable');
  assert.match(page.kind === 'unavailable' ? page.label : '', /Live streams/);
  assert.match(page.kind === 'unavailable' ? page.reason : '', /ended/);
});

test('pages without a playable video are refused with a reason', () => {
  for (const facts of [{ ...playing, hasVideoElement: false }, { ...playing, hasPlayerError: true }]) {
    const page = classifyVideoPage('https://www.youtube.com/watch?v=dQw4w9WgXcQ', facts);
    assert.deepEqual(page.kind === 'unavailable' && page.label, 'No video to analyse');
  }
  const home = classifyVideoPage('https://www.youtube.com/', playing);
  assert.equal(home.kind, 'unavailable');
});
