/** Tells the popup whose channel this watch page's video is on, so it can show the channel's totals so far. */
import { onRuntimeMessage } from '../browser.js';
import type { Feature } from '../content/feature.js';
import { findChannelHref } from '../content/youtube-dom.js';
import { isTabMessage } from '../messages.js';
import { isWatchPage } from '../youtube-page.js';

export const pageChannel: Feature = {
  id: 'page-channel',
  include: [isWatchPage],
  init(signal) {
    const stop = onRuntimeMessage((message) => {
      if (!isTabMessage(message) || message.type !== 'readChannel') return undefined;
      return Promise.resolve(findChannelHref(document));
    });
    signal.addEventListener('abort', stop, { once: true });
  },
};
