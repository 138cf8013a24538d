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
  /** The engine as people reach it, for report links. */
  enginePublicUrl: string;
  /** Least time between two updates of a progress message (Slack rate-limits chat.update). */
  progressIntervalMs: number;
  /** People per tagging message (clamped to what each layout allows); null: the layout's most. */
  peoplePerPage: number | null;
}

/** The report page of a job, as people open it (the API's `GET /jobs/:id` page). */
export function reportPageUrl(ctx: ServiceContext, jobId: string): string {
  return `${ctx.enginePublicUrl}/jobs/${encodeURIComponent(jobId)}`;
}
