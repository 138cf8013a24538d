/** What the services share: the engine client, the Slack Web API, the store and helpers. */
import type { Logger, webApi } from '@slack/bolt';
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import type { ThumbnailSigner } from '../http/thumbnail-urls.js';
import type { BotStore } from '../store/bot.store.js';
import type { TaskRunner } from './tasks.js';

export interface ServiceContext {
  engine: OnscreenClient;
  slack: webApi.WebClient;
  store: BotStore;
  tasks: TaskRunner;
  thumbnails: ThumbnailSigner;
  logger: Logger;
  /** The engine as people reach it, for report links (share links are made relative to it). */
  enginePublicUrl: string;
  /** Least time between two updates of a progress message (Slack rate-limits chat.update). */
  progressIntervalMs: number;
  /** People per tagging message (clamped to what each layout allows); null: the layout's most. */
  peoplePerPage: number | null;
}

/**
 * The report as people in Slack open it: a read-only share link (they have no API token; the
 * engine hands back the same link while it is fresh). If the engine cannot make one, the job's
 * page, which asks for a token.
 */
export async function reportPageUrl(ctx: ServiceContext, jobId: string): Promise<string> {
  try {
    const link = await ctx.engine.createShareLink(jobId);
    return new URL(link.url, `${ctx.enginePublicUrl}/`).toString();
  } catch (error) {
    ctx.logger.warn(`No share link for job ${jobId} (${String(error)}); linking the job's page instead.`);
    return `${ctx.enginePublicUrl}/jobs/${encodeURIComponent(jobId)}`;
  }
}
