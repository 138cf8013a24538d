/** Publishes a user's App Home: their recent analyses and the recent ones in their channels. */
import type { AnalysisEntry } from '../blocks/home.blocks.js';
import { buildHomeView, HOME_ENTRIES } from '../blocks/home.blocks.js';
import { labelVideo } from '../blocks/mrkdwn.js';
import type { ThreadRecord } from '../store/bot.store.js';
import { reportPageUrl, type ServiceContext } from './context.js';

export class HomeService {
  constructor(private readonly ctx: ServiceContext) {}

  async publish(user: string): Promise<void> {
    // Twice as many as shown: the view lists each analysis once (see listEachOnce).
    const mine = this.ctx.store.recentForUser(user, 2 * HOME_ENTRIES).map((t) => this.toEntry(t));
    const channels = this.ctx.store.recentInUserChannels(user, 4 * HOME_ENTRIES).map((t) => this.toEntry(t));
    await this.ctx.slack.views.publish({ user_id: user, view: buildHomeView({ mine, channels }) });
  }

  /** Refreshes the home of everyone who took part in the thread; a failure for one does not stop the others. */
  async publishForThread(threadId: number): Promise<void> {
    const results = await Promise.allSettled(this.ctx.store.participants(threadId).map((user) => this.publish(user)));
    for (const result of results) {
      if (result.status === 'rejected') this.ctx.logger.warn(`App Home could not be updated: ${String(result.reason)}`);
    }
  }

  private toEntry(thread: ThreadRecord): AnalysisEntry {
    return {
      key: thread.jobId ? `job:${thread.jobId}` : `thread:${thread.id}`,
      videoLabel: labelVideo(thread.url, thread.title),
      channel: thread.channel,
      status: thread.status,
      createdAt: thread.createdAt,
      requestedBy: thread.requestedBy,
      permalink: thread.permalink,
      reportUrl: thread.jobId ? reportPageUrl(this.ctx, thread.jobId) : null,
      people: thread.people,
    };
  }
}
