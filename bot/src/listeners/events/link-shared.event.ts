/** A YouTube link posted where the bot is unfurls with an "Analyze representation" button. */
import type { App } from '@slack/bolt';
import { buildUnfurl } from '../../blocks/unfurl.blocks.js';
import { normalizeVideoUrl, youtubeVideoId } from '../../slack/links.js';

export function registerLinkShared(app: App): void {
  app.event('link_shared', async ({ event, client }) => {
    // Links still in the message composer have no message to thread under yet.
    if (event.channel === 'COMPOSER' || event.source === 'composer') return;
    const unfurls = Object.fromEntries(
      event.links.filter((link) => youtubeVideoId(link.url) !== null).map((link) => [link.url, buildUnfurl(normalizeVideoUrl(link.url))]),
    );
    if (Object.keys(unfurls).length === 0) return;
    await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
  });
}
