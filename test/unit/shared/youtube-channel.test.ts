/** The YouTube channel and playlist rules the engine, the extension and the bot share. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handleKey, parseChannelLink, toYouTubeChannel } from '../../../shared/src/youtube-channel.js';
import { playlistOfPage } from '../../../shared/src/youtube-url.js';

test('a watch page\'s owner link names the channel by handle or by id; anything else is not a channel', () => {
  assert.deepEqual(parseChannelLink('/@EveningNews'), { id: null, handle: '@EveningNews' });
  assert.deepEqual(parseChannelLink('https://www.youtube.com/@EveningNews/videos'), { id: null, handle: '@EveningNews' });
  assert.deepEqual(parseChannelLink('/channel/UCabcdefghijklmnopqrstuv'), { id: 'UCabcdefghijklmnopqrstuv', handle: null });
  assert.deepEqual(parseChannelLink('/@Jos%C3%A9'), { id: null, handle: '@José' });
  for (const href of ['/channel/UCshort', '/watch?v=abcdefghijk', 'https://evil.example/@news', '/@', '/c/legacy', 'javascript:alert(1)']) {
    assert.equal(parseChannelLink(href), null, href);
  }
  assert.equal(handleKey('@EveningNews'), handleKey('@eveningnews'));
});

test('source metadata becomes a channel only with a well-formed id or handle; yt-dlp\'s NA is nothing', () => {
  assert.deepEqual(toYouTubeChannel({ id: 'UCabcdefghijklmnopqrstuv', handle: 'EveningNews', name: ' Evening News ' }), { id: 'UCabcdefghijklmnopqrstuv', handle: '@EveningNews', name: 'Evening News' });
  assert.deepEqual(toYouTubeChannel({ id: 'NA', handle: '@news', name: 'NA' }), { id: null, handle: '@news', name: null });
  assert.equal(toYouTubeChannel({ id: 'NA', handle: 'NA needs no spaces', name: 'Someone' }), null);
  assert.equal(toYouTubeChannel({}), null);
});

test('a playlist page, or a video played in a playlist, offers the playlist; mixes and plain videos do not', () => {
  const list = 'PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf';
  assert.deepEqual(playlistOfPage(`https://www.youtube.com/playlist?list=${list}`), { kind: 'playlist', id: list });
  assert.deepEqual(playlistOfPage(`https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=${list}&index=3`), { kind: 'playlist', id: list });
  assert.equal(playlistOfPage('https://www.youtube.com/watch?v=dQw4w9WgXcQ'), null);
  assert.equal(playlistOfPage('https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=RDdQw4w9WgXcQ'), null, 'a mix');
  assert.equal(playlistOfPage('https://www.youtube.com/playlist?list=WL'), null, 'watch later is private');
  assert.equal(playlistOfPage('https://www.youtube.com/@EveningNews'), null, 'a channel is not a playlist');
});
