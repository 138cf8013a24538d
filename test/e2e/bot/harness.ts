/**
 * The bot end to end, all on loopback: the real engine service (in-process queue), the Slack
 * Web API double, and the bot itself started through `startBot` with its HTTP receiver.
 * Real: engine, analysis, SQLite stores, Bolt, signature checks, HTTP. Doubled: Slack.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../service/helpers/redis-server.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@slack/bolt';
import { startBot, type RunningBot } from '../../../bot/src/app.js';
import { parseBotConfig } from '../../../bot/src/config.js';
import { startService, type ServiceHandle } from '../../../engine/src/api/start-service.js';
import { loadServiceConfig } from '../../../engine/src/config/service.config.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { BOT_TOKEN, startSlackDouble, type SlackDouble } from './slack-double.js';
import { SIGNING_SECRET } from './slack-requests.js';

export interface Harness {
  engine: ServiceHandle;
  engineClient: OnscreenClient;
  slack: SlackDouble;
  bot: RunningBot;
  botUrl: string;
  /** Stops the bot and starts it again on the same data folder and port, as a deployment would. */
  restartBot(): Promise<void>;
  /** What the bot logged at warn and error level. */
  problems: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  allowPrivateNetwork: boolean;
  peoplePerPage?: number;
  /** Replaces the engine's analysis (a made-up one, for flows that need people but not a real video). */
  processor?: AnalysisProcessor;
  /** What the bot is configured with instead of the engine's address and a valid token (admin problems). */
  botEngineUrl?: string;
  botEngineToken?: string;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'onscreen-bot-e2e-'));
  const engine = await startService(
    loadServiceConfig({ dataDir: join(dir, 'engine'), port: 0, retentionDays: 0, allowPrivateNetwork: options.allowPrivateNetwork }, {}),
    { log: () => undefined, ...(options.processor ? { processor: options.processor } : {}) },
  );
  const engineToken = engine.tokens.create('slack-bot');
  const slack = await startSlackDouble();
  const port = await freePort();
  const problems: string[] = [];
  const config = parseBotConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ONSCREEN_URL: options.botEngineUrl ?? engine.url,
    ONSCREEN_TOKEN: options.botEngineToken ?? engineToken,
    ONSCREEN_PUBLIC_URL: 'https://onscreen.newsroom.example',
    BOT_PORT: String(port),
    BOT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    SLACK_API_URL: slack.apiUrl,
    BOT_DATA_DIR: join(dir, 'bot'),
  });
  const start = () => startBot(config, { logger: recordingLogger(problems), progressIntervalMs: 200, ...(options.peoplePerPage ? { peoplePerPage: options.peoplePerPage } : {}) });
  const harness: Harness = {
    engine,
    engineClient: new OnscreenClient({ baseUrl: engine.url, token: engineToken }),
    slack,
    bot: await start(),
    botUrl: '',
    problems,
    async restartBot() {
      await harness.bot.stop();
      harness.bot = await start();
    },
    async close() {
      await harness.bot.stop();
      await slack.close();
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  harness.botUrl = harness.bot.localUrl;
  return harness;
}


function recordingLogger(problems: string[]): Logger {
  let level = 'info';
  const keep = (kind: string) => (...parts: unknown[]) => {
    const line = `[${kind}] ${parts.map(String).join(' ')}`;
    problems.push(line);
    if (process.env.BOT_E2E_VERBOSE) process.stderr.write(`${line}\n`);
  };
  return {
    debug: () => undefined,
    info: (...parts) => { if (process.env.BOT_E2E_VERBOSE) process.stderr.write(`[info] ${parts.map(String).join(' ')}\n`); },
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (l) => { level = l; },
    getLevel: () => level as never,
    setName: () => undefined,
  };
}
