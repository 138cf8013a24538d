/** Opening the bot's App Home shows the user's and their channels' recent analyses. */
import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';

export function registerAppHomeOpened(app: App, services: BotServices): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    services.tasks.run('publish home', () => services.home.publish(event.user));
  });
}
