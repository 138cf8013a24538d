/**
 * A video link posted in a channel that opted in (`/onscreen watch on`) starts an analysis
 * on its own. Elsewhere the bot waits for a click, a mention or a command.
 */
import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';
import { findVideoLinks, MAX_LINKS_PER_MESSAGE } from '../../slack/links.js';

export function registerChannelMessage(app: App, services: BotServices): void {
  app.event('message', async ({ event }) => {
    // Only people's new messages: no edits, joins, bot posts or other subtypes.
    if (event.subtype !== undefined || 'bot_id' in event && event.bot_id) return;
    if (!event.user || !services.store.isOptedIn(event.channel)) return;
    const rootTs = event.thread_ts ?? event.ts;
    const user = event.user;
    for (const url of findVideoLinks(event.text).slice(0, MAX_LINKS_PER_MESSAGE)) {
      services.tasks.run(`check ${url}`, async () => {
        // Nobody asked: a link that is not a video after all is skipped quietly (admin problems are logged).
        const verdict = await services.checkLink(url);
        if (verdict.isVideo) services.analysis.start({ channel: event.channel, rootTs, url, user, trigger: 'message' });
        else services.logger.info(`Not analysing ${url} posted in ${event.channel}: ${verdict.text}`);
      });
    }
  });
}
