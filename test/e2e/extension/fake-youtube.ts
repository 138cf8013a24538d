/**
 * A stand-in for www.youtube.com in the extension's end-to-end test: an https server on loopback
 * (self-signed certificate made at test time) serving watch pages shaped like YouTube's where the
 * extension looks (`ytd-watch-metadata #actions`, `#movie_player video`, `.ytp-progress-bar`), the
 * videos with range requests, and in-page navigation (history.pushState + `yt-navigate-finish`).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FakeVideo {
  id: string;
  title: string;
  /** A local video file, or null for a watch page whose video will not play. */
  file: string | null;
  isLive?: boolean;
  /** The channel's link under the title (`/@handle` or `/channel/UC…`) and its name; default a link-less "Test channel". */
  channel?: { href: string; name: string };
}

/** A playlist page (`/playlist?list=…`). */
export interface FakePlaylist {
  id: string;
  title: string;
  videos: string[];
}

export interface FakeYouTube {
  port: number;
  close(): Promise<void>;
}

/** A throwaway certificate for www.youtube.com (Chromium runs with --ignore-certificate-errors). */
export async function makeCertificate(dir: string): Promise<{ key: Buffer; cert: Buffer }> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=www.youtube.com', '-addext', 'subjectAltName=DNS:www.youtube.com'], { stdio: 'ignore' });
  return { key: await readFile(key), cert: await readFile(cert) };
}

export async function startFakeYouTube(videos: FakeVideo[], tls: { key: Buffer; cert: Buffer }, playlists: FakePlaylist[] = []): Promise<FakeYouTube> {
  const byId = new Map(videos.map((v) => [v.id, v]));
  const server: Server = createServer(tls, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://www.youtube.com');
    const media = /^\/media\/([\w-]{11})\.mp4$/.exec(url.pathname);
    if (media) {
      const file = byId.get(media[1] ?? '')?.file;
      if (!file) return void res.writeHead(404).end();
      return void sendFile(file, req.headers.range, res);
    }
    if (url.pathname === '/watch') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const variant = readVariant(url.searchParams.get('variant'));
      return void res.end(renderWatchPage(videos, url.searchParams.get('v') ?? '', variant, url.searchParams.get('ad')));
    }
    const playlist = url.pathname === '/playlist' ? playlists.find((p) => p.id === url.searchParams.get('list')) : undefined;
    if (playlist) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(renderPlaylistPage(playlist, videos));
    }
    res.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>YouTube</title><p>Home</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendFile(file: string, range: string | undefined, res: ServerResponse): void {
  const size = statSync(file).size;
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
  if (!match) {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': size, 'accept-ranges': 'bytes' });
    createReadStream(file).pipe(res);
    return;
  }
  const start = match[1] ? Number(match[1]) : 0;
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  res.writeHead(206, { 'content-type': 'video/mp4', 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' });
  createReadStream(file, { start, end }).pipe(res);
}

/**
 * The page variants: each reproduces one way the real watch page differs from the plain one
 * (see extension/README.md, "Page assumptions"). `?variant=` picks one; none is the plain page.
 * - `inactive-metadata`: a hidden, inactive copy of `ytd-watch-metadata` comes first in the page.
 * - `hidden-error`: the player's `.ytp-error` stays in the page, hidden by a class, not a style.
 * - `ad`: the main player starts on an ad (`ad-showing`, the ad's clip in its `<video>`, `&ad=` names
 *   it, an endless duration) until `fakeYouTube.endAd()`; a hover preview plays another `<video>`
 *   before the player.
 * - `player-modes`: the player's own layout (controls right under the progress bar, a mini-player
 *   bar before the controls' one), with theatre, fullscreen and mini-player buttons.
 * Every page rebuilds `#actions` on resize and on `fakeYouTube.rebuildActions()`, as YouTube does.
 */
export const PAGE_VARIANTS = ['plain', 'inactive-metadata', 'hidden-error', 'ad', 'player-modes'] as const;
export type PageVariant = (typeof PAGE_VARIANTS)[number];

function readVariant(value: string | null): PageVariant {
  return PAGE_VARIANTS.find((v) => v === value) ?? 'plain';
}

function renderWatchPage(videos: FakeVideo[], current: string, variant: PageVariant, adId: string | null): string {
  const catalogue = Object.fromEntries(videos.map((v) => [v.id, { title: v.title, hasFile: v.file !== null, isLive: v.isLive ?? false, channel: v.channel ?? null }]));
  const isModern = variant === 'player-modes';
  const active = variant === 'inactive-metadata' ? ' class="watch-active-metadata"' : '';
  return `<!doctype html>
<html lang="en"${isModern ? ' class="modern-player"' : ''}><head><meta charset="utf-8"><title>YouTube</title><style>${PAGE_CSS}${isModern ? PLAYER_MODES_CSS : ''}</style></head>
<body>
<ytd-app>
  <header class="masthead"><span class="logo"><b>▶</b> YouTube</span><input class="search" placeholder="Search" /></header>
  ${variant === 'ad' && adId ? hoverPreview(adId) : ''}
  <ytd-watch-flexy>
    <div id="primary">
      <div id="player"><ytd-player id="ytd-player"><div id="movie_player" class="html5-video-player">
        <div class="html5-video-container"></div>
        ${variant === 'hidden-error' ? '<div class="ytp-error ytp-error-hidden">Video unavailable</div>' : '<div class="ytp-error" style="display:none">Video unavailable</div>'}
        ${isModern ? '<div class="ytp-progress-bar-container ytp-miniplayer-bar"><div class="ytp-progress-bar" role="slider" aria-label="Seek slider"></div></div>' : ''}
        <div class="ytp-chrome-bottom">
          <div class="ytp-progress-bar-container"><div class="ytp-progress-bar" role="slider" aria-label="Seek slider">
            <div class="ytp-play-progress"></div></div></div>
          <div class="ytp-chrome-controls">${isModern ? MODERN_CONTROLS : '<span class="ytp-time-display">0:00</span>'}</div>
        </div>
        ${isModern ? '<div class="ytp-miniplayer-buttons"><button class="ytp-button ytp-miniplayer-expand" aria-label="Expand">⤢</button><button class="ytp-button ytp-miniplayer-play" aria-label="Play">▶</button><button class="ytp-button ytp-miniplayer-close" aria-label="Close">×</button></div>' : ''}
      </div></ytd-player></div>
      ${variant === 'inactive-metadata' ? `<ytd-watch-metadata hidden>${METADATA_INSIDE}</ytd-watch-metadata>` : ''}
      <ytd-watch-metadata${active}>${METADATA_INSIDE}</ytd-watch-metadata>
    </div>
  </ytd-watch-flexy>
</ytd-app>
<script>
const catalogue = ${JSON.stringify(catalogue)};
const variant = ${JSON.stringify(variant)};
const adId = ${JSON.stringify(adId)};
const player = document.getElementById('movie_player');
let adPending = variant === 'ad' && Boolean(adId);
function show(id) {
  const video = catalogue[id];
  document.title = (video ? video.title : 'Unknown video') + ' - YouTube';
  for (const h1 of document.querySelectorAll('ytd-watch-metadata h1')) h1.textContent = video ? video.title : 'This video isn’t available';
  // The owner link, as YouTube's ytd-video-owner-renderer has it (rebuilt on navigation).
  for (const owner of document.querySelectorAll('ytd-watch-metadata #owner')) {
    owner.innerHTML = video && video.channel
      ? '<ytd-video-owner-renderer><span class="avatar"></span><a class="yt-simple-endpoint" href="' + video.channel.href + '">' + video.channel.name + '</a></ytd-video-owner-renderer>'
      : '<span class="avatar"></span><span>Test channel</span>';
  }
  player.classList.toggle('ytp-live', Boolean(video && video.isLive));
  const error = player.querySelector('.ytp-error');
  if (variant === 'hidden-error') error.classList.toggle('ytp-error-hidden', Boolean(video && video.hasFile));
  else error.style.display = video && video.hasFile ? 'none' : 'flex';
  const container = player.querySelector('.html5-video-container');
  let element = container.querySelector('video');
  if (video && video.hasFile) {
    if (!element) {
      element = document.createElement('video');
      element.className = 'video-stream html5-main-video';
      element.muted = true;
      element.preload = 'auto';
      element.addEventListener('timeupdate', () => {
        const fill = element.duration ? (element.currentTime / element.duration) * 100 : 0;
        const progress = player.querySelector('.ytp-play-progress');
        if (progress) progress.style.width = fill + '%';
        const time = player.querySelector('.ytp-time-display');
        if (time) time.textContent = element.currentTime.toFixed(1) + ' / ' + (element.duration || 0).toFixed(1);
      });
      container.append(element);
      // An ad streamed with no known end, as a live one or one still loading: its duration is endless.
      const duration = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'duration');
      if (variant === 'ad') Object.defineProperty(element, 'duration', { get() { return adPending ? Infinity : duration.get.call(this); } });
    }
    // An ad first, in the same <video>, as YouTube plays them.
    player.classList.toggle('ad-showing', adPending);
    element.src = '/media/' + (adPending ? adId : id) + '.mp4';
  } else if (element) {
    element.remove();
  }
}
function rebuildActions() {
  const actions = document.querySelector('ytd-watch-metadata:not([hidden]) #actions');
  const fresh = document.createElement('template');
  fresh.innerHTML = ${JSON.stringify(ACTIONS)};
  actions.replaceWith(fresh.content);
  window.fakeYouTube.rebuilds += 1;
}
let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(rebuildActions, 50);
});
window.fakeYouTube = {
  rebuilds: 0,
  /** Animation frames in which no onscreen button was in the page, after it first appeared. */
  framesWithoutButton: 0,
  navigate(id) {
    history.pushState({ id }, '', '/watch?v=' + id + (variant === 'plain' ? '' : '&variant=' + variant));
    show(id);
    document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
  },
  rebuildActions,
  endAd() {
    adPending = false;
    player.classList.remove('ad-showing');
    player.querySelector('video').src = '/media/' + new URLSearchParams(location.search).get('v') + '.mp4';
  },
};
let seenButton = false;
(function countFrames() {
  const present = document.querySelector('onscreen-analyze') !== null;
  if (present) seenButton = true;
  else if (seenButton) window.fakeYouTube.framesWithoutButton += 1;
  requestAnimationFrame(countFrames);
})();
${isModern ? PLAYER_MODES_SCRIPT : ''}
window.addEventListener('popstate', () => {
  show(new URLSearchParams(location.search).get('v'));
  document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
});
show(${JSON.stringify(current)});
</script>
</body></html>`;
}

const ACTIONS = '<div id="actions"><div id="actions-inner"><button class="pill like">👍 1.2K</button><button class="pill">Share</button><button class="pill">Save</button></div></div>';

const METADATA_INSIDE = `
        <div id="title"><h1></h1></div>
        <div id="top-row">
          <div id="owner"><span class="avatar"></span><span>Test channel</span></div>
          ${ACTIONS}
        </div>`;

/** A playlist's page: its title and its videos, each a watch link inside the playlist. */
function renderPlaylistPage(playlist: FakePlaylist, videos: FakeVideo[]): string {
  const items = playlist.videos.map((id) => `<li><a href="/watch?v=${id}&amp;list=${playlist.id}">${videos.find((v) => v.id === id)?.title ?? id}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${playlist.title} - YouTube</title></head>
<body><ytd-app><h1>${playlist.title}</h1><ol id="contents">${items}</ol></ytd-app></body></html>`;
}

/** A hover preview, as YouTube shows over a thumbnail: its own player and `<video>`, before the main player. */
function hoverPreview(id: string): string {
  return `<ytd-video-preview><div id="media-container"><ytd-player id="inline-player"><div id="inline-preview-player" class="html5-video-player">
    <div class="html5-video-container"><video class="video-stream html5-main-video" muted autoplay loop src="/media/${id}.mp4"></video></div>
  </div></ytd-player></div></ytd-video-preview>`;
}

const MODERN_CONTROLS = `
  <div class="ytp-left-controls"><button class="ytp-button ytp-play-button" aria-label="Play (k)">▶</button><button class="ytp-button" aria-label="Mute (m)">🔊</button><span class="ytp-time-display">0:00</span></div>
  <div class="ytp-right-controls"><button class="ytp-button" aria-label="Settings">⚙</button><button class="ytp-button ytp-miniplayer-button" aria-label="Miniplayer (i)">▭</button><button class="ytp-button ytp-size-button" aria-label="Theater mode (t)">▬</button><button class="ytp-button ytp-fullscreen-button" aria-label="Full screen (f)">⛶</button></div>`;

/** The mode buttons, as YouTube's: theatre widens the player, fullscreen fills the screen, the mini-player docks it. */
const PLAYER_MODES_SCRIPT = `
const flexy = document.querySelector('ytd-watch-flexy');
player.querySelector('.ytp-size-button').addEventListener('click', () => flexy.toggleAttribute('theater'));
player.querySelector('.ytp-miniplayer-button').addEventListener('click', () => player.classList.add('ytp-player-minimized'));
player.querySelector('.ytp-miniplayer-expand').addEventListener('click', () => player.classList.remove('ytp-player-minimized'));
player.querySelector('.ytp-fullscreen-button').addEventListener('click', () => {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen();
});
document.addEventListener('fullscreenchange', () => {
  const isFull = document.fullscreenElement !== null;
  flexy.toggleAttribute('fullscreen', isFull);
  player.classList.toggle('ytp-fullscreen', isFull);
  player.classList.toggle('ytp-big-mode', isFull);
});
`;

const PAGE_CSS = `
[hidden] { display: none !important; }
body { margin: 0; font-family: Roboto, Arial, sans-serif; background: #fff; color: #0f0f0f; }
.masthead { display: flex; align-items: center; gap: 24px; height: 56px; padding: 0 24px; border-bottom: 1px solid #eee; }
.logo { font-weight: 700; font-size: 20px; letter-spacing: -0.5px; } .logo b { color: #f00; }
.search { width: 420px; height: 36px; border: 1px solid #ccc; border-radius: 18px; padding: 0 16px; }
ytd-watch-flexy { display: block; padding: 24px; } #primary { width: 854px; }
#movie_player { position: relative; width: 854px; height: 480px; background: #000; border-radius: 12px; overflow: hidden; }
.html5-video-container video { width: 100%; height: 100%; object-fit: contain; display: block; }
.ytp-error { position: absolute; inset: 0; align-items: center; justify-content: center; color: #fff; font-size: 20px; }
.ytp-chrome-bottom { position: absolute; left: 12px; right: 12px; bottom: 0; height: 48px; }
.ytp-progress-bar-container { position: absolute; left: 0; right: 0; top: 0; height: 5px; }
.ytp-progress-bar { position: absolute; inset: 0; background: rgba(255,255,255,0.25); }
.ytp-play-progress { height: 100%; width: 0; background: #f00; }
.ytp-chrome-controls { position: absolute; left: 0; right: 0; bottom: 0; height: 36px; color: #fff; font-size: 13px; display: flex; align-items: center; }
ytd-watch-metadata { display: block; margin-top: 12px; }
ytd-watch-metadata h1 { font-size: 20px; font-weight: 700; margin: 0 0 12px; }
#top-row { display: flex; justify-content: space-between; align-items: center; }
#owner { display: flex; align-items: center; gap: 12px; font-weight: 500; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #bbb; display: inline-block; }
#actions { display: flex; align-items: center; }
#actions-inner { display: flex; gap: 8px; }
.pill { height: 36px; padding: 0 16px; border: 0; border-radius: 18px; background: rgba(0,0,0,0.05); font: 500 14px Roboto, Arial, sans-serif; }
.ytp-error.ytp-error-hidden { display: none; }
ytd-video-preview { position: absolute; top: 64px; right: 24px; width: 240px; height: 135px; background: #000; border-radius: 8px; overflow: hidden; }
ytd-video-preview video { width: 100%; height: 100%; }
/* A narrow window: one column, the actions row under the channel, as YouTube lays it out. */
@media (max-width: 700px) {
  ytd-watch-flexy { padding: 0; } #primary { width: 100%; }
  #movie_player { width: 100%; height: auto; aspect-ratio: 16 / 9; border-radius: 0; }
  ytd-watch-metadata { padding: 0 12px; }
  #top-row { flex-direction: column; align-items: flex-start; gap: 12px; }
  .search { width: 160px; }
}
`;

/**
 * The player's own layout for the modes variant: the controls start right under the progress bar
 * (YouTube's default player leaves no room between them), bigger in fullscreen; the mini-player
 * has its own thin bar at its bottom edge and its buttons over the picture.
 */
const PLAYER_MODES_CSS = `
.modern-player .ytp-chrome-bottom { height: 53px; }
.modern-player .ytp-chrome-bottom .ytp-progress-bar-container { height: 5px; }
.modern-player .ytp-chrome-controls { top: 5px; bottom: auto; height: 48px; justify-content: space-between; }
.ytp-left-controls, .ytp-right-controls { display: flex; align-items: center; height: 100%; }
.ytp-button { width: 48px; height: 48px; border: 0; background: none; color: #fff; font-size: 20px; cursor: pointer; }
.ytp-miniplayer-bar, .ytp-miniplayer-buttons { display: none; }
ytd-watch-flexy[theater] #primary { width: 100%; }
ytd-watch-flexy[theater] #movie_player { width: 100%; height: auto; aspect-ratio: 16 / 9; border-radius: 0; }
#movie_player.ytp-fullscreen { position: fixed; inset: 0; width: 100vw; height: 100vh; border-radius: 0; z-index: 3000; }
.ytp-big-mode .ytp-chrome-bottom { height: 69px; left: 24px; right: 24px; }
.ytp-big-mode .ytp-chrome-bottom .ytp-progress-bar-container { height: 7px; }
.ytp-big-mode .ytp-chrome-controls { top: 7px; height: 62px; }
.ytp-big-mode .ytp-button { width: 62px; height: 62px; font-size: 26px; }
#movie_player.ytp-player-minimized { position: fixed; right: 16px; bottom: 16px; width: 400px; height: 225px; z-index: 2000; }
.ytp-player-minimized .ytp-chrome-bottom { display: none; }
.ytp-player-minimized .ytp-miniplayer-bar { display: block; position: absolute; left: 0; right: 0; bottom: 0; top: auto; height: 3px; }
.ytp-player-minimized .ytp-miniplayer-buttons { display: flex; position: absolute; left: 0; right: 0; top: 50%; height: 48px; margin-top: -24px; justify-content: space-between; }
`;

