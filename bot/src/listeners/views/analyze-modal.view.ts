/** The App Home modal's submission: checks the link, then starts the analysis in the chosen channel. */
import type { App } from '@slack/bolt';
import { formatLink } from '../../blocks/mrkdwn.js';
import { INPUT_IDS, VIEW_IDS } from '../../blocks/ids.js';
import { message, section } from '../../blocks/message.js';
import type { BotServices } from '../../services/index.js';
import { describeError } from '../../slack/error-text.js';
import { findLinks } from '../../slack/links.js';

export function registerAnalyzeModal(app: App, services: BotServices): void {
  app.view(VIEW_IDS.analyzeModal, async ({ ack, view, body, client }) => {
    const values = view.state.values;
    const url = findLinks(values[INPUT_IDS.urlBlock]?.[INPUT_IDS.urlInput]?.value ?? '')[0];
    const channel = values[INPUT_IDS.channelBlock]?.[INPUT_IDS.channelInput]?.selected_conversation;
    if (!url || !channel) {
      await ack({ response_action: 'errors', errors: url ? { [INPUT_IDS.channelBlock]: 'Pick a channel.' } : { [INPUT_IDS.urlBlock]: 'Enter an http(s) link to a video.' } });
      return;
    }
    await ack();
    const user = body.user.id;
    services.tasks.run('start from App Home', async () => {
      const verdict = await services.checkLink(url);
      if (!verdict.isVideo) {
        await client.chat.postMessage({ channel: user, ...message(verdict.text, [section(verdict.text)]) });
        return;
      }
      const line = `<@${user}> asked me to analyse ${formatLink(url, url)}. Progress, people to tag and the charts follow in this thread.`;
      try {
        const root = await client.chat.postMessage({ channel, ...message(line, [section(line)]), unfurl_links: false, unfurl_media: false });
        if (root.ts) services.analysis.start({ channel, rootTs: root.ts, url, user, trigger: 'home' });
      } catch (error) {
        // No thread to speak in: tell the person in the bot's Messages tab.
        const problem = `:warning: I could not start analysing ${formatLink(url, url)} in <#${channel}>: ${describeError(error)}`;
        await client.chat.postMessage({ channel: user, ...message(problem, [section(problem)]) });
      }
    });
  });
}
