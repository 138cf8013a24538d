/**
 * The bot's composition: config in, a running Bolt app out. Only wiring lives here; the
 * listeners (by kind, under listeners/) hand work to the services, which reach the engine
 * through the typed client in shared/ and Slack through Bolt's Web API client.
 */
import type { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { App, LogLevel, webApi, type Logger } from '@slack/bolt';
import { OnscreenClient } from '../../shared/src/api/client.js';
import { OnscreenError } from '../../shared/src/errors.js';
import type { BotConfig } from './config.js';
import { createThumbnailRoute, HEALTH_ROUTE } from './http/thumbnail.route.js';
import { createThumbnailSigner, deriveThumbnailSecret } from './http/thumbnail-urls.js';
import * as actions from './listeners/actions/index.js';
import * as commands from './listeners/commands/index.js';
import * as events from './listeners/events/index.js';
import * as shortcuts from './listeners/shortcuts/index.js';
import * as views from './listeners/views/index.js';
import { dedupEvents } from './middleware/dedup-events.js';
import { createServices, type BotServices } from './services/index.js';
import { TaskRunner } from './services/tasks.js';
import { createConsoleLogger } from './slack/console-logger.js';
import { slackErrorCode } from './slack/error-text.js';
import { BotStore } from './store/bot.store.js';

/** Every listener group, each registering its handlers on the app. */
export const LISTENER_GROUPS = { actions, commands, events, shortcuts, views } as const;

export interface BotOptions {
  logger?: Logger;
  /** Least time between two progress updates (default 2 s: Slack allows about one chat.update per second). */
  progressIntervalMs?: number;
  /** People per tagging message (default and most: 10 in the full layout, 20 in the compact one, within Block Kit's 50 blocks). */
  peoplePerPage?: number;
  /** How the engine client fetches (default: global fetch). */
  fetch?: typeof fetch;
}

export interface RunningBot {
  app: App;
  services: BotServices;
  /** Where the bot's own HTTP server listens (Slack's requests in HTTP mode, thumbnails in both). */
  localUrl: string;
  stop(): Promise<void>;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export async function startBot(config: BotConfig, options: BotOptions = {}): Promise<RunningBot> {
  const engine = new OnscreenClient({ baseUrl: config.engineUrl, token: config.engineToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const signer = createThumbnailSigner({
    publicUrl: config.publicUrl,
    secret: deriveThumbnailSecret(config.signingSecret ?? config.botToken),
    ttlSeconds: config.thumbnailTtlSeconds,
  });
  const logger = options.logger ?? createConsoleLogger(LOG_LEVELS[config.logLevel]);
  const isSocketMode = config.appToken !== null;
  const app = new App({
    token: config.botToken,
    ...(isSocketMode
      ? { socketMode: true, appToken: config.appToken as string, installerOptions: { port: config.port } }
      : { signingSecret: config.signingSecret as string, port: config.port }),
    logger,
    // People wait in the thread: give up on Slack after about five minutes, not Bolt's default thirty.
    clientOptions: { retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) },
    customRoutes: [HEALTH_ROUTE, createThumbnailRoute({ engine, signer, logger })],
    // The bot checks the token itself below, with a clearer message than Bolt's.
    tokenVerificationEnabled: false,
  });
  await verifySlackToken(config);

  const store = new BotStore(config.dataDir);
  const tasks = new TaskRunner(logger);
  const services = createServices({
    engine,
    slack: app.client,
    store,
    tasks,
    thumbnails: signer,
    logger,
    enginePublicUrl: config.enginePublicUrl,
    progressIntervalMs: options.progressIntervalMs ?? 2000,
    peoplePerPage: options.peoplePerPage ?? null,
  });
  app.use(dedupEvents(store, logger));
  for (const group of Object.values(LISTENER_GROUPS)) group.register(app, services);
  app.error(async (error) => {
    logger.error(`Unhandled error in a listener: ${error.stack ?? error.message}`);
  });

  // HTTP mode returns its server; Socket Mode returns Slack's connection details instead.
  const started: unknown = await app.start(config.port);
  const port = started instanceof Server ? (started.address() as AddressInfo).port : config.port;
  logger.info(`onscreen bot is up (${isSocketMode ? 'Socket Mode' : 'HTTP Events API'}) on port ${port}.`);
  if (!config.publicUrl) logger.warn('BOT_PUBLIC_URL is not set: people are shown without thumbnails.');
  await engine.status().catch((error: unknown) => logger.warn(`The engine is not reachable yet: ${String(error)}`));
  services.analysis.resume();
  services.voices.resume();

  return {
    app,
    services,
    localUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await app.stop().catch(() => undefined);
      await tasks.close();
      store.close();
    },
  };
}

/** Fails fast, in words, when the token is wrong or Slack cannot be reached (one try, ten seconds). */
async function verifySlackToken(config: BotConfig): Promise<void> {
  const client = new webApi.WebClient(config.botToken, {
    retryConfig: { retries: 0 },
    timeout: 10_000,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
  });
  try {
    await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code) {
      throw new OnscreenError('unavailable', 'Slack could not be reached to check SLACK_BOT_TOKEN.', {
        hint: 'Check this machine\'s network and proxy settings, then start the bot again.',
        cause: error,
      });
    }
    throw new OnscreenError('unauthorized', `Slack rejected SLACK_BOT_TOKEN (${code}).`, {
      hint: 'Copy the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page.',
      cause: error,
    });
  }
}
