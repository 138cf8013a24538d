/** App Home's "Analyse a video" button opens the modal asking for a link and a channel. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { buildAnalyzeModal } from '../../blocks/analyze-modal.blocks.js';
import { ACTION_IDS } from '../../blocks/ids.js';

export function registerOpenAnalyzeModal(app: App): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.openHomeModal, async ({ ack, body, client }) => {
    await ack();
    // trigger_id expires three seconds after the click: open the modal now, not in a background task.
    await client.views.open({ trigger_id: body.trigger_id, view: buildAnalyzeModal() });
  });
}
