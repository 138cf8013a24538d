/** "Accept all suggestions": every untagged person gets their suggested gender. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import { decodeJobRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';
import { placeOf } from './place.js';

export function registerAcceptSuggestions(app: App, services: BotServices): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.acceptAll, async ({ ack, body, action, respond }) => {
    await ack();
    const jobId = decodeJobRef(action.value);
    if (!jobId) return;
    handOff(services, respond, 'accept the suggestions', () => services.tagging.acceptSuggestions(jobId, placeOf(body)));
  });
}
