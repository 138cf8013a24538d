/** Keeps a feature told whether the page's video can be analysed, as YouTube's player changes. */
import { classifyVideoPage, readPlayerFacts, type VideoPage } from '../youtube-page.js';
import { waitForElement } from './dom.js';

const PLAYER_EVENTS = ['loadedmetadata', 'durationchange', 'emptied'] as const;
const SETTLE_MS = 100;

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
  void waitForElement('#movie_player', signal).then((player) => {
    if (!player) return;
    // Media events do not bubble, but they pass the player on their way down: one listener
    // follows whichever <video> the player holds, including one swapped in after an ad.
    for (const type of PLAYER_EVENTS) player.addEventListener(type, check, { signal, capture: true });
    // The player's insides change all the time (time display, progress): look once they settle.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(check, SETTLE_MS);
    });
    observer.observe(player, { attributes: true, attributeFilter: ['class', 'hidden', 'style'], childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(timer);
    }, { once: true });
    check();
  });
}
