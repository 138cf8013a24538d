/** The "Open the full report" link button: Slack opens the URL; the interaction only needs acknowledging. */
import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';

export function registerOpenReport(app: App): void {
  app.action(ACTION_IDS.openReport, async ({ ack }) => {
    await ack();
  });
}
