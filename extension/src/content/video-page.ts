/** Keeps a feature told whether the page's video can be analysed, as YouTube's player changes. */
import { classifyVideoPage, readPlayerFacts, type VideoPage } from '../youtube-page.js';
import { waitForElement } from './dom.js';

const PLAYER_EVENTS = ['loadedmetadata', 'durationchange', 'emptied'] as const;

export function watchVideoPage(signal: AbortSignal, onPage: (page: VideoPage) => void): void {
  let last = '';
  const check = (): void => {
    if (signal.aborted) return;
    const page = classifyVideoPage(location.href, readPlayerFacts(document));
    const key = JSON.stringify(page);
    if (key !== last) {
      last = key;
      onPage(page);
    }
  };
  check();
  void waitForElement<HTMLVideoElement>('#movie_player video', signal).then((video) => {
    if (!video) return;
    for (const type of PLAYER_EVENTS) video.addEventListener(type, check, { signal });
    check();
  });
  void waitForElement('#movie_player', signal).then((player) => {
    if (!player) return;
    const observer = new MutationObserver(check);
    observer.observe(player, { attributes: true, attributeFilter: ['class'], childList: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
