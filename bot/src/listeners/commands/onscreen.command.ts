/**
 * `/onscreen <link>` analyses a video in a new thread, once the engine says the link is a video
 * (otherwise only the person who typed it is told why); `/onscreen watch on|off` lets the bot
 * start on its own when video links are posted in this channel; `/onscreen report [<collection>]`
 * posts the figures across videos (this channel's, or a named collection's); anything else shows usage.
 */
import type { App } from '@slack/bolt';
import { escapeText, formatLink } from '../../blocks/mrkdwn.js';
import { COMMANDS } from '../../blocks/ids.js';
import { message, section } from '../../blocks/message.js';
import { USAGE_TEXT } from '../../blocks/notice.blocks.js';
import type { BotServices } from '../../services/index.js';
import { findLinks } from '../../slack/links.js';
import { handOff, tellPrivately } from '../reply.js';

export function registerOnscreenCommand(app: App, services: BotServices): void {
  app.command(COMMANDS.onscreen, async ({ ack, command, client, respond }) => {
    const text = command.text.trim();
    const watch = /^watch\s+(on|off)$/i.exec(text);
    if (watch) {
      const isOn = watch[1]?.toLowerCase() === 'on';
      services.store.setOptIn(command.channel_id, isOn, command.user_id);
      await ack({
        response_type: 'in_channel',
        text: isOn
          ? `<@${command.user_id}> turned on automatic analysis: I will analyse video links posted in this channel (I need to be a member: \`/invite @onscreen\`). \`/onscreen watch off\` stops it.`
          : `<@${command.user_id}> turned off automatic analysis here. I still answer mentions, \`/onscreen <link>\` and the buttons on YouTube links.`,
      });
      return;
    }
    const report = /^report(?:\s+(.+))?$/is.exec(text);
    if (report) {
      await ack();
      const name = report[1]?.trim() || null;
      handOff(services, respond, name ? `report on the collection "${name}"` : 'report on this channel', async () => {
        const outcome = await services.collections.report({ channel: command.channel_id, user: command.user_id, name });
        if (outcome.kind === 'nothing') await tellPrivately(respond, outcome.text);
      });
      return;
    }
    const [url] = findLinks(text);
    if (!url) {
      await ack({ response_type: 'ephemeral', text: text && text !== 'help' ? `I found no http(s) link in "${escapeText(text)}".\n${USAGE_TEXT}` : USAGE_TEXT });
      return;
    }
    await ack();
    handOff(services, respond, `start analysing ${url}`, async () => {
      // An ordinary web page must not open a public thread: ask the engine first, answer privately.
      const verdict = await services.checkLink(url);
      if (!verdict.isVideo) {
        await tellPrivately(respond, verdict.text);
        return;
      }
      const line = `<@${command.user_id}> asked me to analyse ${formatLink(url, url)}. Progress, people to tag and the charts follow in this thread.`;
      const root = await client.chat.postMessage({ channel: command.channel_id, ...message(line, [section(line)]), unfurl_links: false, unfurl_media: false });
      if (!root.ts) throw new Error('chat.postMessage returned no ts');
      services.analysis.start({ channel: command.channel_id, rootTs: root.ts, url, user: command.user_id, trigger: 'command' });
    });
  });
}
