import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';
import { registerAnalyzeMessage } from './analyze-message.shortcut.js';

export function register(app: App, services: BotServices): void {
  registerAnalyzeMessage(app, services);
}
