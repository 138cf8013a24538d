/** Female / Male / Unknown / Not speech on a voice heard off screen (issue 14). */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { VOICE_TAG_ACTIONS } from '../../blocks/ids.js';
import { decodeVoiceRef } from '../../blocks/values.js';
import type { BotServices } from '../../services/index.js';
import { handOff } from '../reply.js';

export function registerTagVoice(app: App, services: BotServices): void {
  for (const { actionId, tag } of VOICE_TAG_ACTIONS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const ref = decodeVoiceRef(action.value);
      if (!ref) return;
      handOff(services, respond, `tag voice ${ref.voice}`, async () => {
        const message = await services.voices.tag(ref, tag, body.user.id);
        await respond({ replace_original: true, ...message });
      });
    });
  }
}
