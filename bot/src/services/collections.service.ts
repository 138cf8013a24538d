/**
 * Reports across videos in Slack. Every analysis the bot starts joins its channel's collection in
 * the engine (found by the key `slack-channel:<channel id>`, so the engine, the one door, holds which
 * jobs were started where, per workspace). `/onscreen report` posts that collection's figures over
 * the last 30 days; `/onscreen report <name>` a named collection's, all of it. The summary is the
 * root message; the collection's charts go into its thread.
 */
import type { CollectionChartName } from '../../../shared/src/api/client.js';
import type { Collection } from '../../../shared/src/api/types.js';
import type { CollectionReport } from '../../../shared/src/collection.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { buildCollectionSummary } from '../blocks/collection-summary.blocks.js';
import { escapeText } from '../blocks/mrkdwn.js';
import type { ServiceContext } from './context.js';

/** How far back `/onscreen report` looks in a channel. */
export const CHANNEL_REPORT_DAYS = 30;

const CHARTS: readonly { name: CollectionChartName; title: string }[] = [
  { name: 'videos', title: 'Women\'s and men\'s share per video' },
  { name: 'trend', title: 'The trend per month' },
  { name: 'people', title: 'The people most on screen' },
];

export function channelCollectionKey(channel: string): string {
  return `slack-channel:${channel}`;
}

export interface ReportRequest {
  channel: string;
  user: string;
  /** A collection's name (or id); null for the channel's own. */
  name: string | null;
}

/** What was posted, or the one line that says why nothing was. */
export type ReportOutcome = { kind: 'posted'; ts: string } | { kind: 'nothing'; text: string };

export class CollectionsService {
  constructor(private readonly ctx: ServiceContext, private readonly now: () => number = Date.now) {}

  /** Adds an analysed job to the collection of the channel it was started in (made with the channel's first analysis). */
  async addToChannel(channel: string, jobId: string): Promise<void> {
    const collection = await this.ctx.engine.createCollection(`Slack channel ${channel}`, { key: channelCollectionKey(channel) });
    if (!collection.jobIds.includes(jobId)) await this.ctx.engine.addToCollection(collection.id, [jobId]);
  }

  async report(request: ReportRequest): Promise<ReportOutcome> {
    if (request.name === null) await this.catchUp(request.channel);
    const found = request.name === null ? await this.ctx.engine.findCollection(channelCollectionKey(request.channel)) : await this.findNamed(request.name);
    if (typeof found === 'string') return { kind: 'nothing', text: found };
    if (!found) return { kind: 'nothing', text: 'Nothing to report in this channel yet: no video has been analysed here. Post a video link (or `/onscreen <link>`) and I will start.' };
    const since = request.name === null ? new Date(this.now() - CHANNEL_REPORT_DAYS * 86_400_000).toISOString() : undefined;
    let report: CollectionReport;
    try {
      report = await this.ctx.engine.getCollectionReport(found.id, 'month', since);
    } catch (error) {
      if (!(error instanceof OnscreenError && error.code === 'collection_empty')) throw error;
      return {
        kind: 'nothing',
        text: since
          ? `Nothing to report in this channel for the last ${CHANNEL_REPORT_DAYS} days: no video analysed here since ${since.slice(0, 10)}.`
          : `The collection "${escapeText(found.name)}" has no analysed video yet.`,
      };
    }
    const charts = await Promise.all(CHARTS.map((chart) => this.ctx.engine.getCollectionChart(found.id, chart.name, 'month', since)));
    return { kind: 'posted', ts: await this.post(request, found, report, charts) };
  }

  private async post(request: ReportRequest, collection: Collection, report: CollectionReport, charts: Uint8Array[]): Promise<string> {
    const isChannel = request.name === null;
    const summary = buildCollectionSummary({
      subject: isChannel ? `<#${request.channel}> over the last ${CHANNEL_REPORT_DAYS} days` : `*${escapeText(collection.name)}*`,
      subjectText: isChannel ? `this channel over the last ${CHANNEL_REPORT_DAYS} days` : collection.name,
      total: report.total,
      pending: report.pending.length,
      ...(await this.linksOf(collection)),
      requestedBy: request.user,
    });
    const root = await this.ctx.slack.chat.postMessage({ channel: request.channel, ...summary, unfurl_links: false, unfurl_media: false });
    if (!root.ts) throw new Error('chat.postMessage returned no ts');
    await this.ctx.slack.files.uploadV2({
      channel_id: request.channel,
      thread_ts: root.ts,
      initial_comment: `Charts for ${isChannel ? `this channel over the last ${CHANNEL_REPORT_DAYS} days` : collection.name}`,
      file_uploads: CHARTS.map((chart, i) => ({ file: Buffer.from(charts[i] as Uint8Array), filename: `onscreen-collection-${chart.name}.png`, title: chart.title })),
    });
    return root.ts;
  }

  /**
   * Adds the channel's analyses of the last 30 days that its collection lacks: those analysed before
   * the bot kept collections, or while the engine could not be told. One by one, so a job deleted
   * since (the engine refuses it) does not keep the others out.
   */
  private async catchUp(channel: string): Promise<void> {
    const jobIds = this.ctx.store.analysedJobsInChannel(channel, this.now() - CHANNEL_REPORT_DAYS * 86_400_000);
    if (jobIds.length === 0) return;
    const collection = await this.ctx.engine.createCollection(`Slack channel ${channel}`, { key: channelCollectionKey(channel) });
    for (const jobId of jobIds.filter((id) => !collection.jobIds.includes(id))) {
      await this.ctx.engine.addToCollection(collection.id, [jobId]).catch((error: unknown) => this.ctx.logger.debug(`Job ${jobId} stays out of ${channel}'s collection: ${String(error)}`));
    }
  }

  /**
   * Where people in Slack read the collection: a read-only share link to its report (they have no
   * API token; the engine hands back the same link while it is fresh), and its page (which asks for one).
   */
  private async linksOf(collection: Collection): Promise<{ reportUrl: string; pageUrl: string }> {
    const pageUrl = new URL(collection.pageUrl, `${this.ctx.enginePublicUrl}/`).toString();
    try {
      const link = await this.ctx.engine.createCollectionShareLink(collection.id);
      return { reportUrl: new URL(link.url, `${this.ctx.enginePublicUrl}/`).toString(), pageUrl };
    } catch (error) {
      this.ctx.logger.warn(`No share link for collection ${collection.id} (${String(error)}); linking its page instead.`);
      return { reportUrl: pageUrl, pageUrl };
    }
  }

  /** The workspace's collection with this name (any case) or id, the newest if several; or the one line that says there is none. */
  private async findNamed(name: string): Promise<Collection | string> {
    const all = await this.ctx.engine.listCollections();
    const wanted = name.trim().toLowerCase();
    const found = all.find((c) => c.name.toLowerCase() === wanted || c.id === name.trim());
    if (found) return found;
    const known = all.filter((c) => c.key === null || !c.key.startsWith('slack-channel:')).slice(0, 5).map((c) => `"${escapeText(c.name)}"`);
    return `No collection is called "${escapeText(name.trim())}" here. ${known.length > 0 ? `Some that are: ${known.join(', ')}.` : 'There is no collection yet: `/onscreen report` alone reports on this channel.'}`;
  }
}
