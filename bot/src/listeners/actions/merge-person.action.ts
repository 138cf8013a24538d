/** "Same person as…": merges the person into the one picked in the menu. */
import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import { decodeMergeRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';
import { placeOf } from './place.js';

export function registerMergePerson(app: App, services: BotServices): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION_IDS.merge, async ({ ack, body, action, respond }) => {
    await ack();
    const ref = decodeMergeRef(action.selected_option?.value);
    if (!ref) return;
    handOff(services, respond, `merge person ${ref.from} into person ${ref.into}`, () => services.tagging.merge(ref, placeOf(body)));
  });
}
