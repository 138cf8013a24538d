/** The "Analyse video" message shortcut: analyses the video linked in that message, in its thread. */
import type { App, MessageShortcut } from '@slack/bolt';
import { SHORTCUT_IDS } from '../../blocks/ids.js';
import type { BotServices } from '../../services/index.js';
import { findLinks } from '../../slack/links.js';
import { tellPrivately } from '../reply.js';

export function registerAnalyzeMessage(app: App, services: BotServices): void {
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUT_IDS.analyzeMessage, type: 'message_action' }, async ({ ack, shortcut, respond }) => {
    await ack();
    const [url] = findLinks(shortcut.message.text);
    if (!url) {
      await tellPrivately(respond, 'I found no video link in that message.');
      return;
    }
    const rootTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    const verdict = await services.checkLink(url);
    if (!verdict.isVideo) {
      await tellPrivately(respond, verdict.text);
      return;
    }
    const outcome = services.analysis.start({ channel: shortcut.channel.id, rootTs, url, user: shortcut.user.id, trigger: 'shortcut', tellRequester: (text) => tellPrivately(respond, text) });
    if (outcome.kind === 'duplicate') await tellPrivately(respond, 'That video is already being analysed in the thread of this message.');
  });
}
