/**
 * The bot's configuration: parsed once, at start-up, from the environment the CLI hands in.
 * No other bot code reads the environment. Every variable is documented in bot/README.md.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { OnscreenError } from '../../shared/src/errors.js';

export interface BotConfig {
  /** Verifies every HTTP request from Slack; not needed in Socket Mode. */
  signingSecret: string | null;
  botToken: string;
  /** An app-level token (xapp-…): when set, the bot connects over Socket Mode instead of HTTP. */
  appToken: string | null;
  /** The engine's API, as the bot reaches it. */
  engineUrl: string;
  engineToken: string;
  /** The engine as people reach it, for "full report" links (default: engineUrl). */
  enginePublicUrl: string;
  /** The bot's own HTTP port: Slack's requests (HTTP mode) and thumbnail URLs (both modes). */
  port: number;
  /** Where Slack can reach this bot, for thumbnail URLs; null shows people without pictures. */
  publicUrl: string | null;
  /** The Slack Web API base (tests point it at a double); null is Slack's own. */
  slackApiUrl: string | null;
  dataDir: string;
  /** How long a signed thumbnail URL stays valid. */
  thumbnailTtlSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** Environment variable of each setting, for the README and for error messages. */
export const BOT_ENV_NAMES: Record<keyof BotConfig, string> = {
  signingSecret: 'SLACK_SIGNING_SECRET',
  botToken: 'SLACK_BOT_TOKEN',
  appToken: 'SLACK_APP_TOKEN',
  engineUrl: 'ONSCREEN_URL',
  engineToken: 'ONSCREEN_TOKEN',
  enginePublicUrl: 'ONSCREEN_PUBLIC_URL',
  port: 'BOT_PORT',
  publicUrl: 'BOT_PUBLIC_URL',
  slackApiUrl: 'SLACK_API_URL',
  dataDir: 'BOT_DATA_DIR',
  thumbnailTtlSeconds: 'BOT_THUMBNAIL_TTL_SECONDS',
  logLevel: 'BOT_LOG_LEVEL',
};

const url = z.string().refine((u) => URL.canParse(u) && /^https?:/.test(u), 'expected an http(s) URL');

const schema = z.object({
  signingSecret: z.string().min(1).optional(),
  botToken: z.string().regex(/^xoxb-/, 'expected a bot token starting with xoxb-'),
  appToken: z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp-').optional(),
  engineUrl: url,
  engineToken: z.string().min(1),
  enginePublicUrl: url.optional(),
  port: z.coerce.number().int().min(0).max(65535).default(8751),
  publicUrl: url.optional(),
  slackApiUrl: url.optional(),
  dataDir: z.string().min(1).default('data/bot'),
  // Slack fetches and caches a message's images when it shows them; a week covers people
  // coming back to a thread, and every refresh of a page signs new URLs anyway.
  thumbnailTtlSeconds: z.coerce.number().int().min(60).max(30 * 86400).default(7 * 86400),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

type Overrides = Partial<Record<keyof BotConfig, unknown>>;

/**
 * Reads the configuration from `env` and flags (flags win). Fails with one OnscreenError
 * naming every missing or bad variable, so a person can fix them all at once.
 */
export function parseBotConfig(env: Record<string, string | undefined>, flags: Overrides = {}): BotConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(BOT_ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) raw[key] = value;
  const parsed = schema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => {
    const name = BOT_ENV_NAMES[String(issue.path[0]) as keyof BotConfig];
    return raw[String(issue.path[0])] === undefined ? `${name} is missing` : `${name} (${issue.message})`;
  });
  if (raw.appToken === undefined && raw.signingSecret === undefined) {
    problems.push(`${BOT_ENV_NAMES.signingSecret} is missing (needed unless ${BOT_ENV_NAMES.appToken} selects Socket Mode)`);
  }
  if (!parsed.success || problems.length > 0) {
    throw new OnscreenError('bad_request', `Bad bot configuration: ${[...new Set(problems)].join('; ')}.`, {
      hint: 'See bot/README.md for every variable and where to find it in your Slack app settings.',
    });
  }
  const c = parsed.data;
  return {
    signingSecret: c.signingSecret ?? null,
    botToken: c.botToken,
    appToken: c.appToken ?? null,
    engineUrl: trimSlash(c.engineUrl),
    engineToken: c.engineToken,
    enginePublicUrl: trimSlash(c.enginePublicUrl ?? c.engineUrl),
    port: c.port,
    publicUrl: c.publicUrl ? trimSlash(c.publicUrl) : null,
    slackApiUrl: c.slackApiUrl ? `${trimSlash(c.slackApiUrl)}/` : null,
    dataDir: resolve(c.dataDir),
    thumbnailTtlSeconds: c.thumbnailTtlSeconds,
    logLevel: c.logLevel,
  };
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}
