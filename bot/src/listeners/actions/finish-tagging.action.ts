/** "Finish": the report is final for now; the summary and charts go into the thread. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import { decodeJobRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff, tellPrivately } from '../reply.js';
import { placeOf } from './place.js';

export function registerFinishTagging(app: App, services: BotServices): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.finish, async ({ ack, body, action, respond }) => {
    await ack();
    const jobId = decodeJobRef(action.value);
    if (!jobId) return;
    handOff(services, respond, 'make the charts', async () => {
      const isPosted = await services.tagging.finish(jobId, placeOf(body));
      if (!isPosted) await tellPrivately(respond, 'The charts for these tags are already in this thread; change a tag and press Finish again for new ones.');
    });
  });
}
