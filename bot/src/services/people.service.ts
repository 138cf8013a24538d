/**
 * Posts the tagging messages into a thread and keeps every copy of them current: after any
 * tag, merge or accept, in any thread following the job, all pages are re-rendered from the
 * engine's latest state, so everyone sees who tagged what. Each thread has its own layout
 * (full or compact), and its count of people follows merges (App Home shows it). The thread's
 * "Who speaks" follows too (its menus offer the people as they are now).
 */
import type { PersonView } from '../../../shared/src/analysis.js';
import type { PeopleResponse } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { View } from '../blocks/message.js';
import { buildPeoplePage, chooseLayout, countPages, peoplePerPage, sortPeople, type PeopleLayout } from '../blocks/people.blocks.js';
import { buildPersonModal, type PersonModalView } from '../blocks/person-modal.blocks.js';
import { buildSpeakersMessage } from '../blocks/speakers.blocks.js';
import { labelVideo } from '../blocks/mrkdwn.js';
import type { PersonRef } from '../blocks/values.js';
import type { ThreadRecord } from '../store/bot.store.js';
import type { ServiceContext } from './context.js';
import type { HomeService } from './home.service.js';
import { KeyedCoalescer } from './tasks.js';

export class PeopleService {
  private readonly refreshes = new KeyedCoalescer();
  /** Threads whose pages are not posted yet, by job: the next render posts them. */
  private readonly unposted = new Map<string, Set<number>>();

  constructor(private readonly ctx: ServiceContext, private readonly home: HomeService) {}

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

  /** Shows a thread's tagging messages in another layout. */
  async switchLayout(thread: ThreadRecord, layout: PeopleLayout): Promise<void> {
    this.ctx.store.setLayout(thread.id, layout);
    if (thread.jobId) await this.refresh(thread.jobId);
  }

  /** The "more faces" modal of one person, from the engine's latest state. */
  async describe(ref: PersonRef, place: PersonModalView['place']): Promise<View> {
    const [job, response] = await Promise.all([this.ctx.engine.getJob(ref.jobId), this.ctx.engine.getPeople(ref.jobId)]);
    const person = response.people.find((p) => p.id === ref.person);
    if (!person) throw new OnscreenError('cluster_unknown', `Person ${ref.person} is not in this analysis any more (merged into someone else?).`);
    return buildPersonModal({
      jobId: ref.jobId,
      person,
      people: sortPeople(response.people),
      duration: job.duration,
      videoLabel: labelVideo(job.source.label, job.title),
      stripUrl: this.ctx.thumbnails.urlFor(ref.jobId, ref.person, 'strip'),
      place,
    });
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
    const threads = this.ctx.store.threadsForJob(jobId).filter((t) => waiting.has(t.id) || this.ctx.store.getPages(t.id).size > 0);
    for (const thread of threads) {
      const layout = chooseLayout(people.length, this.ctx.store.getLayout(thread.id));
      const perPage = peoplePerPage(layout, this.ctx.peoplePerPage ?? undefined);
      const posted = this.ctx.store.getPages(thread.id);
      const last = Math.max(countPages(people.length, perPage), posted.size);
      for (let page = 0; page < last; page += 1) {
        const content = buildPeoplePage({
          jobId,
          people,
          page,
          layout,
          perPage,
          videoLabel: labelVideo(thread.url, job.title),
          duration: job.duration,
          faceUrl: (person) => this.ctx.thumbnails.urlFor(jobId, person, 'face'),
          finishedBy: thread.finishedBy,
        });
        const ts = posted.get(page);
        if (ts) {
          await this.ctx.slack.chat.update({ channel: thread.channel, ts, ...content });
        } else {
          const result = await this.ctx.slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...content });
          if (result.ts) this.ctx.store.setPage(thread.id, page, result.ts);
        }
      }
      await this.updateSpeakers(thread, jobId, response);
      await this.recordCount(thread, people);
    }
  }

  /** "Who speaks" follows too: merges, splits and "not a face" change who can be chosen as a speaker. */
  private async updateSpeakers(thread: ThreadRecord, jobId: string, response: PeopleResponse): Promise<void> {
    const ts = this.ctx.store.speech.speakersTs(thread.id);
    if (!ts || !response.speech) return;
    await this.ctx.slack.chat.update({ channel: thread.channel, ts, ...buildSpeakersMessage(jobId, response.speech, response.people) });
  }

  /** Keeps the thread's count of people (not counting those tagged "not a face") as merges and tags change it. */
  private async recordCount(thread: ThreadRecord, people: readonly PersonView[]): Promise<void> {
    const count = people.filter((p) => p.tag !== 'not-face').length;
    if (thread.people === count) return;
    this.ctx.store.updateThread(thread.id, { people: count });
    await this.home.publishForThread(thread.id);
  }
}
