/**
 * From a link to people ready for tagging (the link already checked, see link-check.ts): claims the thread (a message asks for a video once, however
 * many events announce it), asks the engine for a job, follows its progress in one message,
 * then posts the people. Failures reach the thread in plain words; problems only an admin can
 * fix are told privately to the person who asked and logged for the admin.
 */
import type { Job } from '../../../shared/src/api/types.js';
import { toRequester } from '../blocks/mrkdwn.js';
import { buildProblem } from '../blocks/notice.blocks.js';
import { normalizeVideoUrl } from '../slack/links.js';
import { describeError, isAdminProblem, jobFailure, logAdminProblem } from '../slack/error-text.js';
import type { ThreadRecord, Trigger } from '../store/bot.store.js';
import type { ChartsService } from './charts.service.js';
import type { CollectionsService } from './collections.service.js';
import type { ServiceContext } from './context.js';
import type { HomeService } from './home.service.js';
import type { PeopleService } from './people.service.js';
import { ProgressMessage } from './progress-message.js';

export interface AnalysisRequest {
  channel: string;
  /** The thread the results go into (the message with the link, or the bot's own post). */
  rootTs: string;
  url: string;
  /** Slack user id of who asked. */
  user: string;
  trigger: Trigger;
  /** Tells only the person who asked, when the thread itself cannot be written to (the bot is not in the channel). */
  tellRequester?: (text: string) => Promise<unknown>;
}

export type StartOutcome =
  | { kind: 'started'; thread: ThreadRecord }
  | { kind: 'duplicate'; thread: ThreadRecord | null };

export class AnalysisService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly people: PeopleService,
    private readonly charts: ChartsService,
    private readonly home: HomeService,
    private readonly collections: CollectionsService,
  ) {}

  /** Starts an analysis in the background; a second request for the same message and link is a duplicate. */
  start(request: AnalysisRequest): StartOutcome {
    const url = normalizeVideoUrl(request.url);
    // A person pressing a button again may retry a failed analysis; events about one message may not.
    const isRetry = request.trigger === 'unfurl' || request.trigger === 'shortcut';
    const thread = this.ctx.store.claimThread({ channel: request.channel, rootTs: request.rootTs, url, requestedBy: request.user, trigger: request.trigger }, isRetry);
    if (!thread) return { kind: 'duplicate', thread: this.ctx.store.findThread(request.channel, request.rootTs, url) };
    this.ctx.tasks.run(`analyse ${url}`, (signal) => this.run(thread, signal, request.tellRequester));
    return { kind: 'started', thread };
  }

  /** Follows again the analyses that were running when the bot stopped. */
  resume(): void {
    for (const thread of this.ctx.store.unfinishedThreads()) {
      this.ctx.tasks.run(`follow ${thread.jobId}`, (signal) => this.follow(thread, new ProgressMessage(this.ctx, thread), signal));
    }
  }

  private async run(claimed: ThreadRecord, signal: AbortSignal, tellRequester?: AnalysisRequest['tellRequester']): Promise<void> {
    const progress = new ProgressMessage(this.ctx, claimed);
    try {
      await progress.show(null);
    } catch (error) {
      this.ctx.store.updateThread(claimed.id, { status: 'failed' });
      await tellRequester?.(`:warning: I could not start analysing ${claimed.url}: ${describeError(error)}`).catch(() => undefined);
      throw error;
    }
    await this.recordPermalink(claimed);
    let job: Job;
    try {
      job = await this.ctx.engine.createJob({ url: claimed.url, requester: toRequester(claimed.requestedBy) });
    } catch (error) {
      await this.fail(claimed, progress, null, error);
      return;
    }
    this.ctx.store.updateThread(claimed.id, { jobId: job.id, status: 'analysing', title: job.title });
    const thread = this.ctx.store.getThread(claimed.id) ?? claimed;
    await this.home.publishForThread(thread.id);
    progress.update(job);
    await this.follow(thread, progress, signal);
  }

  private async follow(thread: ThreadRecord, progress: ProgressMessage, signal: AbortSignal): Promise<void> {
    const jobId = thread.jobId as string;
    let final: Job;
    try {
      final = await this.ctx.engine.watchJob(jobId, (job) => progress.update(job), signal);
    } catch (error) {
      await this.fail(thread, progress, null, error);
      return;
    }
    if (signal.aborted) return;
    if (final.status === 'failed') {
      await this.fail(thread, progress, final, jobFailure(final));
      return;
    }
    await progress.settle(final);
    this.ctx.store.updateThread(thread.id, { status: final.status === 'done' ? 'done' : 'tagging', people: final.people, title: final.title });
    // The channel's collection (for `/onscreen report`): a failure here loses no analysis, so it is only logged.
    await this.collections.addToChannel(thread.channel, jobId).catch((error: unknown) => this.ctx.logger.warn(`Job ${jobId} was not added to the collection of ${thread.channel}: ${String(error)}`));
    try {
      if ((final.people ?? 0) > 0) await this.people.post(thread);
      if (final.status === 'done') {
        const { revision } = await this.ctx.engine.getPeople(jobId);
        await this.charts.post(this.ctx.store.getThread(thread.id) ?? thread, null, revision);
      }
    } catch (error) {
      this.ctx.logger.error(`Posting people or charts for job ${jobId} failed: ${String(error)}`);
      await this.tellThread(thread, await this.sayPublicly(thread, `post the people of ${thread.url}`, error));
    }
    await this.home.publishForThread(thread.id);
  }

  /** Marks the thread failed and says why in the progress message. */
  private async fail(thread: ThreadRecord, progress: ProgressMessage, job: Job | null, reason: unknown): Promise<void> {
    if (!job) this.ctx.logger.warn(`Analysis of ${thread.url} failed: ${String(reason)}`);
    const sentence = await this.sayPublicly(thread, `analyse ${thread.url}`, reason);
    this.ctx.store.updateThread(thread.id, { status: 'failed' });
    try {
      await progress.settle(job, sentence);
    } catch (error) {
      this.ctx.logger.error(`Could not report a failure in ${thread.channel}: ${String(error)}`);
    }
    await this.home.publishForThread(thread.id);
  }

  /**
   * What the thread may read about a failure. An admin problem is told privately to the person
   * who asked (and logged for the admin); the thread only reads that they were told.
   */
  private async sayPublicly(thread: ThreadRecord, doing: string, reason: unknown): Promise<string> {
    if (!isAdminProblem(reason)) return describeError(reason);
    logAdminProblem(this.ctx.logger, doing, reason);
    await this.ctx.slack.chat
      .postEphemeral({ channel: thread.channel, user: thread.requestedBy, thread_ts: thread.rootTs, text: `:warning: I could not ${doing}: ${describeError(reason)}` })
      .catch((error: unknown) => this.ctx.logger.error(`Could not tell ${thread.requestedBy} privately: ${String(error)}`));
    return 'A problem on onscreen\'s side stopped it; the person who asked has been told privately, and an admin too.';
  }

  private async recordPermalink(thread: ThreadRecord): Promise<void> {
    try {
      const { permalink } = await this.ctx.slack.chat.getPermalink({ channel: thread.channel, message_ts: thread.rootTs });
      if (permalink) this.ctx.store.updateThread(thread.id, { permalink });
    } catch (error) {
      this.ctx.logger.debug(`No permalink for ${thread.channel}/${thread.rootTs}: ${String(error)}`);
    }
  }

  private async tellThread(thread: ThreadRecord, text: string): Promise<void> {
    await this.ctx.slack.chat
      .postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...buildProblem(text) })
      .catch((error: unknown) => this.ctx.logger.error(`Could not post in ${thread.channel}: ${String(error)}`));
  }
}
