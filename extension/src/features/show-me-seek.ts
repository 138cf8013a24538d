/** "Show me": the popup asks this tab's player to jump to a moment where a person is on screen. */
import type { Feature } from '../content/feature.js';
import { answerTabMessages } from '../content/tab-messages.js';
import { findPlayer, findVideo, isAdShowing } from '../content/youtube-dom.js';
import { isWatchPage } from '../youtube-page.js';

export const showMeSeek: Feature = {
  id: 'show-me-seek',
  include: [isWatchPage],
  init(signal) {
    answerTabMessages('seekTo', signal, (message) => seekTo(message.seconds, signal));
  },
};

type SeekAnswer = { seconds: number } | { error: string } | { afterAd: number };

/**
 * Seeks the player and pauses there, so the person is on screen when the user looks. During an
 * ad the `<video>` is the ad's: the seek waits for the video itself, then happens.
 */
function seekTo(seconds: number, signal: AbortSignal): SeekAnswer {
  const player = findPlayer();
  if (isAdShowing(player) && player) {
    seekAfterAd(player, seconds, signal);
    return { afterAd: seconds };
  }
  const video = findVideo();
  if (!video) return { error: 'no-video' };
  video.currentTime = seconds;
  video.pause();
  video.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return { seconds: video.currentTime };
}

/** Once the ad is over and the video's own source has its metadata, seeks there (the latest request wins). */
function seekAfterAd(player: HTMLElement, seconds: number, signal: AbortSignal): void {
  pending?.abort();
  const waiting = new AbortController();
  pending = waiting;
  const stop = AbortSignal.any([signal, waiting.signal]);
  const adSource = findVideo()?.currentSrc ?? '';
  const seekWhenReady = (): void => {
    const video = findVideo();
    // The ad's class may go before or after the video's own source has loaded: wait for both.
    if (stop.aborted || isAdShowing(player) || !video || video.currentSrc === adSource || video.readyState < HTMLMediaElement.HAVE_METADATA) return;
    waiting.abort();
    seekTo(seconds, signal);
  };
  const observer = new MutationObserver(seekWhenReady);
  observer.observe(player, { attributes: true, attributeFilter: ['class'] });
  player.addEventListener('loadedmetadata', seekWhenReady, { capture: true, signal: stop });
  stop.addEventListener('abort', () => observer.disconnect(), { once: true });
}

let pending: AbortController | null = null;
