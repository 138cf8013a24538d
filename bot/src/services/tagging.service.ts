/**
 * What the buttons in the tagging messages do. Every action is idempotent: a tag sets a value,
 * a merge of someone already merged is done, accept-all tags only the untagged, and Finish
 * posts charts once per state of the tags. Every copy of the pages is refreshed after.
 */
import type { Tag } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { toRequester } from '../blocks/mrkdwn.js';
import type { LayoutRef, MergeRef, PersonRef } from '../blocks/values.js';
import type { ThreadRecord } from '../store/bot.store.js';
import type { ChartsService } from './charts.service.js';
import type { ServiceContext } from './context.js';
import type { HomeService } from './home.service.js';
import type { PeopleService } from './people.service.js';

/** Where a button was pressed: the channel and the thread of its message. */
export interface ActionPlace {
  user: string;
  channel: string | null;
  threadTs: string | null;
}

export class TaggingService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly people: PeopleService,
    private readonly charts: ChartsService,
    private readonly home: HomeService,
  ) {}

  async tag(ref: PersonRef, tag: Tag, place: ActionPlace): Promise<void> {
    this.noteParticipant(ref.jobId, place);
    await this.ctx.engine.tag(ref.jobId, ref.person, tag, toRequester(place.user));
    await this.people.refresh(ref.jobId);
  }

  async merge(ref: MergeRef, place: ActionPlace): Promise<void> {
    this.noteParticipant(ref.jobId, place);
    try {
      await this.ctx.engine.merge(ref.jobId, ref.into, ref.from, toRequester(place.user));
    } catch (error) {
      // Someone merged this person already (two people picked the menu at once): nothing left to do.
      if (!(error instanceof OnscreenError && error.code === 'cluster_unknown')) throw error;
    }
    await this.people.refresh(ref.jobId);
  }

  async acceptSuggestions(jobId: string, place: ActionPlace): Promise<void> {
    this.noteParticipant(jobId, place);
    await this.ctx.engine.acceptSuggestions(jobId, toRequester(place.user));
    await this.people.refresh(jobId);
  }

  /** Marks tagging done and posts the charts into the thread; false when they were already there. */
  async finish(jobId: string, place: ActionPlace): Promise<boolean> {
    const thread = this.findThread(jobId, place);
    if (!thread) throw new OnscreenError('job_not_found', 'I have no record of this analysis in this thread any more.');
    this.ctx.store.addParticipant(thread.id, place.user);
    await this.ctx.engine.finish(jobId, toRequester(place.user));
    const { revision } = await this.ctx.engine.getPeople(jobId);
    const isPosted = await this.charts.post(thread, place.user, revision);
    await this.people.refresh(jobId);
    await this.home.publishForThread(thread.id);
    return isPosted;
  }

  /** Shows the tagging messages of the thread where the button was pressed in another layout. */
  async switchLayout(ref: LayoutRef, place: ActionPlace): Promise<void> {
    const thread = this.findThread(ref.jobId, place);
    if (!thread) throw new OnscreenError('job_not_found', 'I have no record of this analysis in this thread any more.');
    await this.people.switchLayout(thread, ref.layout);
  }

  private noteParticipant(jobId: string, place: ActionPlace): void {
    const thread = this.findThread(jobId, place);
    if (thread) this.ctx.store.addParticipant(thread.id, place.user);
  }

  private findThread(jobId: string, place: ActionPlace): ThreadRecord | null {
    const threads = this.ctx.store.threadsForJob(jobId).filter((t) => t.channel === place.channel);
    return threads.find((t) => t.rootTs === place.threadTs) ?? threads[0] ?? null;
  }
}
