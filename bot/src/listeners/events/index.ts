import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';
import { registerAppHomeOpened } from './app-home-opened.event.js';
import { registerAppMention } from './app-mention.event.js';
import { registerLinkShared } from './link-shared.event.js';
import { registerChannelMessage } from './message.event.js';

export function register(app: App, services: BotServices): void {
  registerAppMention(app, services);
  registerChannelMessage(app, services);
  registerLinkShared(app);
  registerAppHomeOpened(app, services);
}
