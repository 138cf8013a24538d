/**
 * The service's configuration: parsed once, at start-up, from environment variables and
 * command-line flags (flags win). Nothing else in the service reads `process.env`.
 * Every variable is documented in engine/README.md ("Running the service").
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { OnscreenError } from '../../../shared/src/errors.js';
import { JOB_OPTIONS, MAX_FPS } from '../contracts/job-options.js';

export interface ServiceConfig {
  dataDir: string;
  host: string;
  port: number;
  /** How workers reach this server (upload downloads); null: http://host:port as bound. */
  publicUrl: string | null;
  redisUrl: string | null;
  queueName: string;
  queuePrefix: string;
  /** Exact origins, or a scheme wildcard such as `chrome-extension://*`; `*` is not accepted. */
  corsOrigins: string[];
  uploadLimitBytes: number;
  jsonLimitBytes: number;
  /** Jobs older than this are deleted with everything derived from them; 0 keeps them forever. */
  retentionDays: number;
  sweepIntervalSeconds: number;
  /** With Redis: how often the server checks that Redis still holds every pending job. */
  reconcileIntervalSeconds: number;
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  /** Jobs analysed at once: by the in-process runner, or by each worker. */
  concurrency: number;
  jobAttempts: number;
  jobBackoffMs: number;
  lockMs: number;
  stalledIntervalMs: number;
  /** Signs upload URLs for workers; generated into the data folder when unset. */
  secret: string | null;
  uploadUrlTtlSeconds: number;
  defaultFps: number;
  maxFps: number;
  /** Let URL jobs fetch from private networks (for a newsroom's intranet; off by default). */
  allowPrivateNetwork: boolean;
  /** A request body that sends nothing for this long is cut off and its partial file removed. */
  bodyIdleSeconds: number;
  /** Uploads one token may have in progress at once. */
  uploadsPerToken: number;
  /** Uploads are refused when less than this would stay free on the data folder's disk. */
  minFreeBytes: number;
  /** Where workers put their scratch folders (downloads, face crops while a job runs). */
  scratchDir: string;
  /** Most videos a YouTube playlist or channel link may turn into jobs (its newest ones). */
  playlistMax: number;
  /** The people library (remembered people, recognised in new jobs): off until switched on; faces are biometric data. */
  libraryEnabled: boolean;
}

/** Environment variable of each setting, for the README and for error messages. */
export const ENV_NAMES: Record<keyof ServiceConfig, string> = {
  dataDir: 'ONSCREEN_DATA_DIR',
  host: 'HOST',
  port: 'PORT',
  publicUrl: 'ONSCREEN_PUBLIC_URL',
  redisUrl: 'REDIS_URL',
  queueName: 'ONSCREEN_QUEUE_NAME',
  queuePrefix: 'ONSCREEN_QUEUE_PREFIX',
  corsOrigins: 'ONSCREEN_CORS_ORIGINS',
  uploadLimitBytes: 'ONSCREEN_UPLOAD_LIMIT',
  jsonLimitBytes: 'ONSCREEN_JSON_LIMIT',
  retentionDays: 'ONSCREEN_RETENTION_DAYS',
  sweepIntervalSeconds: 'ONSCREEN_SWEEP_INTERVAL_SECONDS',
  reconcileIntervalSeconds: 'ONSCREEN_RECONCILE_SECONDS',
  rateLimitPerMinute: 'ONSCREEN_RATE_LIMIT',
  rateLimitBurst: 'ONSCREEN_RATE_BURST',
  concurrency: 'ONSCREEN_CONCURRENCY',
  jobAttempts: 'ONSCREEN_JOB_ATTEMPTS',
  jobBackoffMs: 'ONSCREEN_JOB_BACKOFF_MS',
  lockMs: 'ONSCREEN_LOCK_MS',
  stalledIntervalMs: 'ONSCREEN_STALLED_INTERVAL_MS',
  secret: 'ONSCREEN_SECRET',
  uploadUrlTtlSeconds: 'ONSCREEN_UPLOAD_URL_TTL_SECONDS',
  defaultFps: 'ONSCREEN_DEFAULT_FPS',
  maxFps: 'ONSCREEN_MAX_FPS',
  allowPrivateNetwork: 'ONSCREEN_ALLOW_PRIVATE_NETWORK',
  scratchDir: 'ONSCREEN_SCRATCH_DIR',
  bodyIdleSeconds: 'ONSCREEN_BODY_IDLE_SECONDS',
  uploadsPerToken: 'ONSCREEN_UPLOADS_PER_TOKEN',
  minFreeBytes: 'ONSCREEN_MIN_FREE_SPACE',
  playlistMax: 'ONSCREEN_PLAYLIST_MAX',
  libraryEnabled: 'ONSCREEN_LIBRARY_ENABLED',
};

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1000, kib: 1024, m: 1024 ** 2, mb: 1000 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1000 ** 3, gib: 1024 ** 3 };

/** "2GiB", "64 KiB", "10MB" or a plain number of bytes. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined) return null;
  return Math.floor(Number(match[1]) * unit);
}

const size = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const bytes = typeof value === 'number' ? value : parseSize(value);
  if (bytes === null || bytes < 1) {
    ctx.addIssue({ code: 'custom', message: 'expected a size such as 64KiB, 2GiB or a number of bytes' });
    return z.NEVER;
  }
  return bytes;
});
const number = (min: number, max: number) => z.coerce.number().min(min).max(max);
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])]).transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');
const origin = z.string().refine((o) => /^[a-z][a-z0-9+.-]*:\/\/(\*|[^/*\s]+)$/i.test(o), 'expected origins like https://newsroom.example or chrome-extension://<id>');
const url = z.string().refine((u) => URL.canParse(u), 'expected a URL');

const schema = z.object({
  dataDir: z.string().min(1).default('data'),
  host: z.string().min(1).default('127.0.0.1'),
  port: integer(0, 65535).default(8750),
  publicUrl: url.optional(),
  redisUrl: url.refine((u) => /^rediss?:/.test(u), 'expected redis://host:port').optional(),
  queueName: z.string().regex(/^[\w.-]+$/).default('analysis'),
  queuePrefix: z.string().regex(/^[\w.-]+$/).default('onscreen'),
  corsOrigins: z.union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean))
    .pipe(z.array(origin))
    .default([]),
  uploadLimitBytes: size.default(2 * 1024 ** 3),
  jsonLimitBytes: size.default(64 * 1024),
  retentionDays: number(0, 36500).default(30),
  sweepIntervalSeconds: number(1, 86400).default(3600),
  reconcileIntervalSeconds: number(0.2, 3600).default(10),
  rateLimitPerMinute: integer(1, 1_000_000).default(600),
  rateLimitBurst: integer(1, 100_000).default(240),
  concurrency: integer(1, 64).default(1),
  jobAttempts: integer(1, 20).default(3),
  jobBackoffMs: integer(0, 3_600_000).default(5000),
  lockMs: integer(1000, 3_600_000).default(30_000),
  stalledIntervalMs: integer(1000, 3_600_000).default(30_000),
  secret: z.string().min(16).optional(),
  uploadUrlTtlSeconds: integer(60, 30 * 86400).default(86400),
  defaultFps: number(0.1, MAX_FPS).default(JOB_OPTIONS.fps.default),
  maxFps: number(0.1, MAX_FPS).default(10),
  allowPrivateNetwork: flag.default(false),
  scratchDir: z.string().min(1).default(join(tmpdir(), 'onscreen-worker')),
  bodyIdleSeconds: number(0.1, 3600).default(30),
  uploadsPerToken: integer(1, 1000).default(4),
  minFreeBytes: size.default(1024 ** 3),
  playlistMax: number(1, 500).default(50),
  libraryEnabled: flag.default(false),
});

/** Command-line flags by setting name: they win over the environment. */
export type ServiceFlags = Partial<Record<keyof ServiceConfig, unknown>>;

/**
 * Reads the configuration from `env` (default: the process's) and flags. Fails with one
 * OnscreenError naming every bad variable, so a person can fix them all at once.
 */
export function loadServiceConfig(flags: ServiceFlags = {}, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof ServiceConfig;
      const source = key in flags && flags[key] !== undefined ? `--${kebab(key)}` : ENV_NAMES[key];
      return `${source} (${issue.message})`;
    });
    throw new OnscreenError('bad_request', `Bad configuration: ${[...new Set(problems)].join('; ')}.`, {
      hint: 'See "Running the service" in the README for every variable and its default.',
    });
  }
  const c = parsed.data;
  if (c.defaultFps > c.maxFps) {
    throw new OnscreenError('bad_request', `Bad configuration: ${ENV_NAMES.defaultFps} is above ${ENV_NAMES.maxFps}.`);
  }
  return {
    ...c,
    dataDir: resolve(c.dataDir),
    scratchDir: resolve(c.scratchDir),
    publicUrl: c.publicUrl?.replace(/\/+$/, '') ?? null,
    redisUrl: c.redisUrl ?? null,
    secret: c.secret ?? null,
  };
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
