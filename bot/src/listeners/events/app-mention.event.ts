/** "@onscreen <link>": analyses the linked video in the thread of that message; a link that is not a video is answered privately. */
import type { App } from '@slack/bolt';
import { buildUsage } from '../../blocks/notice.blocks.js';
import type { BotServices } from '../../services/index.js';
import { findLinks, MAX_LINKS_PER_MESSAGE } from '../../slack/links.js';

export function registerAppMention(app: App, services: BotServices): void {
  app.event('app_mention', async ({ event, client }) => {
    if (!event.user) return;
    const rootTs = event.thread_ts ?? event.ts;
    const links = findLinks(event.text).slice(0, MAX_LINKS_PER_MESSAGE);
    if (links.length === 0) {
      await client.chat.postMessage({ channel: event.channel, thread_ts: rootTs, ...buildUsage() });
      return;
    }
    const user = event.user;
    for (const url of links) {
      services.tasks.run(`check ${url}`, async () => {
        const verdict = await services.checkLink(url);
        if (!verdict.isVideo) {
          await client.chat.postEphemeral({ channel: event.channel, user, thread_ts: rootTs, text: verdict.text });
          return;
        }
        // A duplicate here is the same message also seen as a plain message in an opted-in channel.
        services.analysis.start({ channel: event.channel, rootTs, url, user, trigger: 'mention' });
      });
    }
  });
}
