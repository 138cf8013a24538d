import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';
import { registerOnscreenCommand } from './onscreen.command.js';

export function register(app: App, services: BotServices): void {
  registerOnscreenCommand(app, services);
}
