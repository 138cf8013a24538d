import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';
import { registerAnalyzeModal } from './analyze-modal.view.js';

export function register(app: App, services: BotServices): void {
  registerAnalyzeModal(app, services);
}
