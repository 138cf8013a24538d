/** "Show me": the popup asks this tab's player to jump to a moment where a person is on screen. */
import { onRuntimeMessage } from '../browser.js';
import { findVideo } from '../content/youtube-dom.js';
import type { Feature } from '../content/feature.js';
import { isTabMessage } from '../messages.js';
import { isWatchPage } from '../youtube-page.js';

export const showMeSeek: Feature = {
  id: 'show-me-seek',
  include: [isWatchPage],
  init(signal) {
    const stop = onRuntimeMessage((message) => {
      if (!isTabMessage(message) || message.type !== 'seekTo') return undefined;
      return Promise.resolve(seekTo(message.seconds));
    });
    signal.addEventListener('abort', stop, { once: true });
  },
};

/** Seeks the player and pauses there, so the person is on screen when the user looks. */
function seekTo(seconds: number): { seconds: number } | { error: string } {
  const video = findVideo();
  if (!video) return { error: 'no-video' };
  video.currentTime = seconds;
  video.pause();
  video.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return { seconds: video.currentTime };
}
