/** "Same person as…": merges the person into the one picked in the menu (in a message, or in the person's modal). */
import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import { buildMergedModal } from '../../blocks/person-modal.blocks.js';
import { decodeMergeRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';
import { placeOf } from './place.js';

export function registerMergePerson(app: App, services: BotServices): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION_IDS.merge, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ref = decodeMergeRef(action.selected_option?.value);
    if (!ref) return;
    const place = placeOf(body);
    handOff(services, respond, `merge person ${ref.from} into person ${ref.into}`, async () => {
      await services.tagging.merge(ref, place);
      // The modal showed the person merged away: say where they went.
      if (body.view?.id) await client.views.update({ view_id: body.view.id, view: buildMergedModal(ref.from, ref.into, place) });
    });
  });
}
