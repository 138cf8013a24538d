/** Tells the popup whose channel this watch page's video is on, so it can show the channel's totals so far. */
import type { Feature } from '../content/feature.js';
import { answerTabMessages } from '../content/tab-messages.js';
import { findChannelHref } from '../content/youtube-dom.js';
import { isWatchPage } from '../youtube-page.js';

export const pageChannel: Feature = {
  id: 'page-channel',
  include: [isWatchPage],
  init(signal) {
    answerTabMessages('readChannel', signal, () => findChannelHref(document));
  },
};
