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

export async function startFakeYouTube(videos: FakeVideo[], tls: { key: Buffer; cert: Buffer }): Promise<FakeYouTube> {
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
      return void res.end(renderWatchPage(videos, url.searchParams.get('v') ?? ''));
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

function renderWatchPage(videos: FakeVideo[], current: string): string {
  const catalogue = Object.fromEntries(videos.map((v) => [v.id, { title: v.title, hasFile: v.file !== null, isLive: v.isLive ?? false }]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>YouTube</title><style>${PAGE_CSS}</style></head>
<body>
<ytd-app>
  <header class="masthead"><span class="logo"><b>▶</b> YouTube</span><input class="search" placeholder="Search" /></header>
  <ytd-watch-flexy>
    <div id="primary">
      <div id="player"><div id="movie_player" class="html5-video-player">
        <div class="html5-video-container"></div>
        <div class="ytp-error" style="display:none">Video unavailable</div>
        <div class="ytp-chrome-bottom">
          <div class="ytp-progress-bar-container"><div class="ytp-progress-bar" role="slider" aria-label="Seek slider">
            <div class="ytp-play-progress"></div></div></div>
          <div class="ytp-chrome-controls"><span class="ytp-time-display">0:00</span></div>
        </div>
      </div></div>
      <ytd-watch-metadata>
        <div id="title"><h1></h1></div>
        <div id="top-row">
          <div id="owner"><span class="avatar"></span><span>Test channel</span></div>
          <div id="actions"><div id="actions-inner"><button class="pill">👍 1.2K</button><button class="pill">Share</button><button class="pill">Save</button></div></div>
        </div>
      </ytd-watch-metadata>
    </div>
  </ytd-watch-flexy>
</ytd-app>
<script>
const catalogue = ${JSON.stringify(catalogue)};
const player = document.getElementById('movie_player');
function show(id) {
  const video = catalogue[id];
  document.title = (video ? video.title : 'Unknown video') + ' - YouTube';
  document.querySelector('ytd-watch-metadata h1').textContent = video ? video.title : 'This video isn’t available';
  player.classList.toggle('ytp-live', Boolean(video && video.isLive));
  player.querySelector('.ytp-error').style.display = video && video.hasFile ? 'none' : 'flex';
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
        player.querySelector('.ytp-play-progress').style.width = fill + '%';
        player.querySelector('.ytp-time-display').textContent = element.currentTime.toFixed(1) + ' / ' + (element.duration || 0).toFixed(1);
      });
      container.append(element);
    }
    element.src = '/media/' + id + '.mp4';
  } else if (element) {
    element.remove();
  }
}
window.fakeYouTube = {
  navigate(id) {
    history.pushState({ id }, '', '/watch?v=' + id);
    show(id);
    document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
  },
};
window.addEventListener('popstate', () => {
  show(new URLSearchParams(location.search).get('v'));
  document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
});
show(${JSON.stringify(current)});
</script>
</body></html>`;
}

const PAGE_CSS = `
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
`;
