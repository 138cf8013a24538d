/** Builds the bot's services around one context; listeners receive the result. */
import type { Logger } from '@slack/bolt';
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import type { BotStore } from '../store/bot.store.js';
import { AnalysisService } from './analysis.service.js';
import { ChartsService } from './charts.service.js';
import { CollectionsService } from './collections.service.js';
import type { ServiceContext } from './context.js';
import { HomeService } from './home.service.js';
import { checkVideoLink, type LinkVerdict } from './link-check.js';
import { PeopleService } from './people.service.js';
import { TaggingService } from './tagging.service.js';
import type { TaskRunner } from './tasks.js';
import { VoicesService } from './voices.service.js';

export interface BotServices {
  analysis: AnalysisService;
  tagging: TaggingService;
  home: HomeService;
  people: PeopleService;
  voices: VoicesService;
  /** Each channel's collection, and `/onscreen report`. */
  collections: CollectionsService;
  store: BotStore;
  tasks: TaskRunner;
  engine: OnscreenClient;
  logger: Logger;
  /** Whether a link is a video, asked of the engine before any thread is opened. */
  checkLink(url: string): Promise<LinkVerdict>;
}

export function createServices(ctx: ServiceContext): BotServices {
  const home = new HomeService(ctx);
  const people = new PeopleService(ctx, home);
  const charts = new ChartsService(ctx);
  const collections = new CollectionsService(ctx);
  const voices = new VoicesService(ctx, people);
  return {
    analysis: new AnalysisService(ctx, people, charts, home, collections, voices),
    collections,
    tagging: new TaggingService(ctx, people, charts, home),
    home,
    people,
    voices,
    store: ctx.store,
    tasks: ctx.tasks,
    engine: ctx.engine,
    logger: ctx.logger,
    checkLink: (url) => checkVideoLink(ctx, url),
  };
}
