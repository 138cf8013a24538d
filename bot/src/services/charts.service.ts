/**
 * When tagging is finished: the summary and the three charts into the thread. Posted once per
 * state of the tags (a second Finish with no change in between posts nothing).
 */
import type { ChartName } from '../../../shared/src/api/client.js';
import { labelVideo } from '../blocks/mrkdwn.js';
import { buildSummaryMessage } from '../blocks/summary.blocks.js';
import type { ThreadRecord } from '../store/bot.store.js';
import { reportPageUrl, type ServiceContext } from './context.js';

const CHARTS: readonly { name: ChartName; title: string }[] = [
  { name: 'share', title: 'Share of screen time' },
  { name: 'timeline', title: 'Who is on screen, over time' },
  { name: 'persons', title: 'Screen time per person' },
];
/** With speaking time measured (issue 14), "Seen and heard" and speaking time per person too. */
const SPEECH_CHARTS: readonly { name: ChartName; title: string }[] = [
  { name: 'heard', title: 'Seen and heard' },
  { name: 'speaking', title: 'Speaking time per person' },
];

export class ChartsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Posts the charts made from the tags at `revision`; false when they were already posted. */
  async post(thread: ThreadRecord, finishedBy: string | null, revision: number): Promise<boolean> {
    const jobId = thread.jobId;
    if (!jobId || !this.ctx.store.claimCharts(thread.id, revision)) return false;
    try {
      const [job, report] = await Promise.all([this.ctx.engine.getJob(jobId), this.ctx.engine.getReport(jobId)]);
      const charts = report.speakingTime ? [...CHARTS, ...SPEECH_CHARTS] : CHARTS;
      const images = await Promise.all(charts.map((chart) => this.ctx.engine.getChart(jobId, chart.name)));
      const videoLabel = labelVideo(thread.url, job.title ?? report.video.title);
      const summary = buildSummaryMessage({ report, videoLabel, reportUrl: await reportPageUrl(this.ctx, jobId), finishedBy });
      await this.ctx.slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...summary, unfurl_links: false });
      await this.ctx.slack.files.uploadV2({
        channel_id: thread.channel,
        thread_ts: thread.rootTs,
        initial_comment: `Charts for ${videoLabel}`,
        file_uploads: charts.map((chart, i) => ({
          file: Buffer.from(images[i] as Uint8Array),
          filename: `onscreen-${chart.name}.png`,
          title: chart.title,
        })),
      });
      this.ctx.store.updateThread(thread.id, { status: 'done', ...(finishedBy ? { finishedBy } : {}) });
      return true;
    } catch (error) {
      this.ctx.store.releaseCharts(thread.id, revision);
      throw error;
    }
  }
}
