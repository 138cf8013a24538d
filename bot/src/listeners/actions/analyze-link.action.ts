/** The "Analyze representation" button on a YouTube link's unfurl. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/ids.js';
import type { BotServices } from '../../services/index.js';
import { isVideoLink } from '../../slack/links.js';
import { tellPrivately } from '../reply.js';
import { placeOf } from './place.js';

export function registerAnalyzeLink(app: App, services: BotServices): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.analyzeLink, async ({ ack, body, action, respond }) => {
    await ack();
    const url = action.value ?? '';
    const place = placeOf(body);
    if (!URL.canParse(url) || !isVideoLink(url) || !place.channel || !place.threadTs) return;
    const verdict = await services.checkLink(url);
    if (!verdict.isVideo) {
      await tellPrivately(respond, verdict.text);
      return;
    }
    const outcome = services.analysis.start({ channel: place.channel, rootTs: place.threadTs, url, user: place.user, trigger: 'unfurl', tellRequester: (text) => tellPrivately(respond, text) });
    if (outcome.kind === 'duplicate') await tellPrivately(respond, 'That video is already being analysed in the thread of this message.');
  });
}
