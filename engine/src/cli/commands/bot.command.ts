import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen bot [--port N]

Runs the Slack bot: post a video link in a channel, tag the people in the thread, get the
charts back. It talks to a running engine (npx onscreen serve) through its API.

Set in the environment (see bot/README.md for where each comes from):
  SLACK_BOT_TOKEN       the app's Bot User OAuth Token (xoxb-…)
  SLACK_SIGNING_SECRET  the app's signing secret (HTTP Events API)
  SLACK_APP_TOKEN       an app-level token (xapp-…) to use Socket Mode instead of HTTP
  ONSCREEN_URL          the engine, e.g. http://127.0.0.1:8750
  ONSCREEN_TOKEN        an engine API token (npx onscreen token create slack-bot)
  BOT_PUBLIC_URL        where Slack reaches this bot (for people's thumbnails)
  BOT_PORT              port to listen on (default 8751; --port wins)
  BOT_DATA_DIR          where the bot keeps its state (default ./data/bot)`;

export const botCommand: Command = {
  name: 'bot',
  summary: 'run the Slack bot',
  usage: USAGE,
  async run(args, context) {
    let port: string | undefined;
    try {
      port = parseArgs({ args, options: { port: { type: 'string' } } }).values.port;
    } catch (error) {
      throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
    }
    const bot = await context.startBot(port);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stderr.write('onscreen: stopping the bot (analyses being followed resume at the next start)\n');
        bot.stop().then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
