/**
 * Posts the tagging messages into a thread and keeps every copy of them current: after any
 * tag, merge or accept, in any thread following the job, all pages are re-rendered from the
 * engine's latest state, so everyone sees who tagged what.
 */
import { buildPeoplePage, countPages, sortPeople } from '../blocks/people.blocks.js';
import { labelVideo } from '../blocks/mrkdwn.js';
import type { ThreadRecord } from '../store/bot.store.js';
import type { ServiceContext } from './context.js';
import { KeyedCoalescer } from './tasks.js';

export class PeopleService {
  private readonly refreshes = new KeyedCoalescer();
  /** Threads whose pages are not posted yet, by job: the next render posts them. */
  private readonly unposted = new Map<string, Set<number>>();

  constructor(private readonly ctx: ServiceContext) {}

  /** Posts the pages of people into the thread (once; later calls refresh them). */
  async post(thread: ThreadRecord): Promise<void> {
    if (!thread.jobId) return;
    const waiting = this.unposted.get(thread.jobId) ?? new Set<number>();
    this.unposted.set(thread.jobId, waiting.add(thread.id));
    await this.refresh(thread.jobId);
  }

  /** Re-renders the pages of every thread following the job. */
  async refresh(jobId: string): Promise<void> {
    await this.refreshes.run(jobId, () => this.render(jobId));
  }

  private async render(jobId: string): Promise<void> {
    const waiting = this.unposted.get(jobId) ?? new Set<number>();
    this.unposted.delete(jobId);
    try {
      await this.renderThreads(jobId, waiting);
    } catch (error) {
      // Keep the unposted threads for the next attempt.
      const again = this.unposted.get(jobId) ?? new Set<number>();
      for (const id of waiting) again.add(id);
      this.unposted.set(jobId, again);
      throw error;
    }
  }

  private async renderThreads(jobId: string, waiting: Set<number>): Promise<void> {
    const [job, response] = await Promise.all([this.ctx.engine.getJob(jobId), this.ctx.engine.getPeople(jobId)]);
    const people = sortPeople(response.people);
    const pages = countPages(people.length, this.ctx.peoplePerPage);
    const threads = this.ctx.store.threadsForJob(jobId).filter((t) => waiting.has(t.id) || this.ctx.store.getPages(t.id).size > 0);
    for (const thread of threads) {
      const posted = this.ctx.store.getPages(thread.id);
      const last = Math.max(pages, posted.size);
      for (let page = 0; page < last; page += 1) {
        const content = buildPeoplePage({
          jobId,
          people,
          page,
          videoLabel: labelVideo(thread.url, job.title),
          duration: job.duration,
          thumbnailUrl: (person) => this.ctx.thumbnails.urlFor(jobId, person),
          finishedBy: thread.finishedBy,
          perPage: this.ctx.peoplePerPage,
        });
        const ts = posted.get(page);
        if (ts) {
          await this.ctx.slack.chat.update({ channel: thread.channel, ts, ...content });
        } else {
          const result = await this.ctx.slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...content });
          if (result.ts) this.ctx.store.setPage(thread.id, page, result.ts);
        }
      }
    }
  }
}
