/** Female / Male / Unknown / Not a face on a person. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { TAG_ACTIONS } from '../../blocks/ids.js';
import { decodePersonRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';
import { placeOf } from './place.js';

export function registerTagPerson(app: App, services: BotServices): void {
  for (const { actionId, tag } of TAG_ACTIONS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const ref = decodePersonRef(action.value);
      if (!ref) return;
      handOff(services, respond, `tag person ${ref.person}`, () => services.tagging.tag(ref, tag, placeOf(body)));
    });
  }
}
