/** "More faces" / "Details" on a person: a modal with their strip of faces, details and the merge menu. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import { buildLoadingModal, buildModalProblem } from '../../blocks/person-modal.blocks.js';
import { decodePersonRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { describeError, isAdminProblem, logAdminProblem } from '../../slack/error-text.js';
import { handOff } from '../reply.js';
import { placeOf } from './place.js';

export function registerPersonDetails(app: App, services: BotServices): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.personDetails, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ref = decodePersonRef(action.value);
    if (!ref) return;
    const { channel, threadTs } = placeOf(body);
    // trigger_id expires three seconds after the click: open now, fill in once the engine answered.
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: buildLoadingModal(ref.person, { channel, threadTs }) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    handOff(services, respond, `show person ${ref.person}`, async () => {
      const view = await services.people.describe(ref, { channel, threadTs }).catch((error: unknown) => {
        // Said in the modal, where the person looks, rather than in a note behind it.
        if (isAdminProblem(error)) logAdminProblem(services.logger, `show person ${ref.person}`, error);
        return buildModalProblem(ref.person, `I could not show person ${ref.person}: ${describeError(error)}`, { channel, threadTs });
      });
      await client.views.update({ view_id: viewId, view });
    });
  });
}
