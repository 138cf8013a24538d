/**
 * The one progress message of a thread, updated in place. Updates are throttled (a new stage
 * or status goes out at once, percent changes at most every `progressIntervalMs`) and never
 * overlap, so Slack sees them in order and its rate limits are respected.
 */
import type { Job } from '../../../shared/src/api/types.js';
import { buildProgressMessage } from '../blocks/progress.blocks.js';
import type { ThreadRecord } from '../store/bot.store.js';
import type { ServiceContext } from './context.js';

export class ProgressMessage {
  private ts: string | null;
  private latest: Job | null = null;
  private lastSent: Job | null = null;
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly ctx: ServiceContext, private readonly thread: ThreadRecord) {
    this.ts = thread.progressTs;
  }

  /** Posts the message (or rewrites it when it exists), showing `job` or a failure. */
  async show(job: Job | null, failure: string | null = null): Promise<void> {
    const content = buildProgressMessage({ url: this.thread.url, title: this.thread.title, requestedBy: this.thread.requestedBy, job, failure });
    if (this.ts) {
      await this.ctx.slack.chat.update({ channel: this.thread.channel, ts: this.ts, ...content });
      return;
    }
    const posted = await this.ctx.slack.chat.postMessage({ channel: this.thread.channel, thread_ts: this.thread.rootTs, ...content, unfurl_links: false, unfurl_media: false });
    this.ts = posted.ts ?? null;
    if (this.ts) this.ctx.store.updateThread(this.thread.id, { progressTs: this.ts });
  }

  /** Takes a job update from the engine; sends it now or soon. */
  update(job: Job): void {
    this.latest = job;
    if (this.inFlight) return; // sent when the one in flight is done
    const isNewStep = job.status !== this.lastSent?.status || job.progress.stage !== this.lastSent?.progress.stage;
    if (this.timer && !isNewStep) return; // the pending send will carry this one
    if (this.timer) clearTimeout(this.timer);
    const wait = isNewStep ? 0 : Math.max(0, this.lastSentAt + this.ctx.progressIntervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Stops throttling and shows the final state of the job. */
  async settle(job: Job | null, failure: string | null = null): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
    await this.inFlight;
    await this.show(job, failure);
  }

  private flush(): void {
    this.timer = null;
    const job = this.latest;
    if (!job || job === this.lastSent) return;
    this.lastSent = job;
    this.lastSentAt = Date.now();
    this.inFlight = this.show(job)
      .catch((error: unknown) => this.ctx.logger.warn(`Progress message could not be updated: ${String(error)}`))
      .finally(() => {
        this.inFlight = null;
        if (this.latest && this.latest !== this.lastSent) this.update(this.latest);
      });
  }
}
