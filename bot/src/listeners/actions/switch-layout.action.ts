/** "Compact list" / "Show details": the thread's tagging messages in the other layout. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import { decodeLayoutRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';
import { placeOf } from './place.js';

export function registerSwitchLayout(app: App, services: BotServices): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.switchLayout, async ({ ack, body, action, respond }) => {
    await ack();
    const ref = decodeLayoutRef(action.value);
    if (!ref) return;
    handOff(services, respond, `show the ${ref.layout} list`, () => services.tagging.switchLayout(ref, placeOf(body)));
  });
}
