/** "Who is speaking" on a stretch of speech (issue 14): sets the speaker to the person chosen, or off screen. */
import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { formatSpan } from '../../../../shared/src/format/clock.js';
import { describeSpeaker } from '../../../../shared/src/format/speech.js';
import { ACTION_IDS } from '../../blocks/ids.js';
import { decodeSpeakerRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';

export function registerCorrectSpeaker(app: App, services: BotServices): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION_IDS.correctSpeaker, async ({ ack, body, action, respond }) => {
    await ack();
    const ref = decodeSpeakerRef(action.selected_option?.value);
    if (!ref) return;
    handOff(services, respond, `set the speaker of ${formatSpan(ref.start, ref.end)} to ${describeSpeaker(ref.person)}`, async () => {
      const message = await services.voices.correctSpeaker(ref, body.user.id);
      await respond({ replace_original: true, ...message });
    });
  });
}
