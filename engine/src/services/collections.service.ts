/**
 * Collections in the service: named sets of jobs (a programme, a channel, a month) and their report.
 * Each job's summary is stored when it becomes taggable and again after every edit, so a report over
 * a thousand jobs reads a thousand small rows, never a thousand analysis folders.
 */
import type { VideoSummary } from '../../../shared/src/collection.js';
import type { YouTubeChannel } from '../../../shared/src/youtube-channel.js';
import type { Job } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { PeriodKind } from '../stages/collection/periods.js';
import { parseYouTubeListUrl, toYouTubeListUrl, toYouTubeWatchUrl, type YouTubeList } from '../../../shared/src/youtube-url.js';
import type { YouTubeListing } from '../adapters/youtube.adapter.js';
import type { CollectionRecord, CollectionsRepository } from '../storage/collections.repository.js';
import type { JobsRepository } from '../storage/jobs.repository.js';
import { renderCollection, summarizeAnalysis, type RenderedCollection } from './collection.service.js';
import { createJobId } from '../contracts/job-id.js';
import type { JobNotifier } from './job-notifier.js';
import type { TaggingService } from './tagging.service.js';

/** A collection as the API shows it: its record, where its report is, and its page. */
export type CollectionView = CollectionRecord & { reportUrl: string; pageUrl: string };

/** The key of the collection the engine keeps for each YouTube channel whose videos were analysed. */
export function youtubeChannelKey(channelId: string): string {
  return `youtube-channel:${channelId}`;
}

/** The outside world a collection made from a YouTube list needs: listing it, and starting a job per video. */
export interface ListDoors {
  listYouTube(list: YouTubeList, max: number): Promise<YouTubeListing>;
  createJob(url: string, tokenName: string): Promise<Job>;
  /** Most videos one list may become (ONSCREEN_PLAYLIST_MAX). */
  playlistMax: number;
}

/** Videos taken from a list when the request does not say. */
export const DEFAULT_LIST_VIDEOS = 10;

const MAX_JOBS_PER_REQUEST = 1000;

export class CollectionsService {
  /** Summaries being written, by job: a report waits for them, so it never shows a tag older than the last edit. */
  private readonly pending = new Map<string, Promise<void>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: { collections: CollectionsRepository; jobs: JobsRepository; tagging: TaggingService; notifier: JobNotifier; lists: ListDoors; now?(): Date }) {
    this.unsubscribe = deps.notifier.subscribeAll((job) => this.onJob(job));
  }

  close(): void {
    this.unsubscribe();
  }

  create(workspaceId: string, name: string, by: string | null): CollectionView {
    const record = { id: createJobId(), workspaceId, name: checkName(name), createdBy: by, createdAt: this.now(), source: null, skipped: [], key: null };
    this.deps.collections.insert(record);
    return view({ ...record, jobIds: [] });
  }

  /**
   * The collection a client finds by its own key (a Slack channel's, say): the one with that key in
   * the workspace, else a new one with that name. `isNew` says which.
   */
  ensure(workspaceId: string, key: string, name: string, by: string | null): { collection: CollectionView; isNew: boolean } {
    const found = this.deps.collections.findByKey(workspaceId, key);
    if (found) return { collection: view(found), isNew: false };
    const record = { id: createJobId(), workspaceId, name: checkName(name), createdBy: by, createdAt: this.now(), source: null, skipped: [], key };
    this.deps.collections.insert(record);
    return { collection: view({ ...record, jobIds: [] }), isNew: true };
  }

  findByKey(workspaceId: string, key: string): CollectionView | null {
    const found = this.deps.collections.findByKey(workspaceId, key);
    return found ? view(found) : null;
  }

  /**
   * A YouTube playlist or channel becomes a collection of its newest videos, one job per video (a
   * video analysed before with the same options reuses its job). Private, deleted, members-only and
   * live videos are skipped and listed. Nothing is created when the list cannot be read.
   */
  async createFromYouTube(workspaceId: string, url: string, options: { name?: string | undefined; max?: number | undefined }, tokenName: string): Promise<{ collection: CollectionView; jobs: Job[] }> {
    const list = parseYouTubeListUrl(url);
    if (!list) throw new OnscreenError('url_invalid', 'That is not a link to a YouTube playlist or channel (for one video, start a job instead).');
    const max = options.max ?? DEFAULT_LIST_VIDEOS;
    if (!Number.isInteger(max) || max < 1 || max > this.deps.lists.playlistMax) {
      throw new OnscreenError('bad_request', `Take 1 to ${this.deps.lists.playlistMax} videos from a list (ONSCREEN_PLAYLIST_MAX sets the most).`);
    }
    const listing = await this.deps.lists.listYouTube(list, max);
    if (listing.videos.length === 0) {
      throw new OnscreenError('source_unavailable', `That ${list.kind} has no video that can be analysed${listing.skipped.length > 0 ? ` (${listing.skipped.length} private, deleted or live)` : ''}.`);
    }
    const name = checkName(options.name ?? listing.title ?? `YouTube ${list.kind}`);
    const jobs: Job[] = [];
    for (const video of listing.videos) jobs.push(await this.deps.lists.createJob(toYouTubeWatchUrl(video.videoId), tokenName));
    const record = { id: createJobId(), workspaceId, name, createdBy: tokenName, createdAt: this.now(), source: toYouTubeListUrl(list), skipped: listing.skipped, key: null };
    this.deps.collections.insert(record);
    this.deps.collections.addJobs(record.id, jobs.map((j) => j.id), this.now());
    return { collection: this.get(workspaceId, record.id), jobs };
  }

  list(workspaceId: string): CollectionView[] {
    return this.deps.collections.list(workspaceId).map(view);
  }

  get(workspaceId: string, id: string): CollectionView {
    return view(this.record(workspaceId, id));
  }

  rename(workspaceId: string, id: string, name: string): CollectionView {
    this.record(workspaceId, id);
    this.deps.collections.rename(id, checkName(name));
    return this.get(workspaceId, id);
  }

  delete(workspaceId: string, id: string): void {
    this.record(workspaceId, id);
    this.deps.collections.delete(id);
  }

  /** Adds analysed jobs (all or none: one unknown or unfinished job refuses the whole request). */
  async addJobs(workspaceId: string, id: string, jobIds: readonly string[]): Promise<CollectionView> {
    this.record(workspaceId, id);
    if (jobIds.length > MAX_JOBS_PER_REQUEST) throw new OnscreenError('bad_request', `Add at most ${MAX_JOBS_PER_REQUEST} jobs at once.`);
    for (const jobId of jobIds) {
      const job = this.deps.jobs.get(jobId);
      // Another workspace's job is as unknown here as one that never existed.
      if (!job || job.workspaceId !== workspaceId) throw new OnscreenError('job_not_found', `No job ${jobId}: it never existed, or it was deleted. Nothing was added.`);
      if (job.status !== 'tagging' && job.status !== 'done') {
        throw new OnscreenError('job_not_ready', `Job ${jobId} is not analysed yet (${job.status}): add it once it is. Nothing was added.`);
      }
    }
    this.deps.collections.addJobs(id, jobIds, this.now());
    await Promise.all(jobIds.map((jobId) => this.ensureSummary(jobId)));
    return this.get(workspaceId, id);
  }

  removeJob(workspaceId: string, id: string, jobId: string): CollectionView {
    this.record(workspaceId, id);
    if (!this.deps.collections.removeJob(id, jobId)) throw new OnscreenError('job_not_found', `Job ${jobId} is not in this collection.`);
    return this.get(workspaceId, id);
  }

  /** The report; with `since` (an ISO day or time), over the jobs added to the collection since then. */
  async report(workspaceId: string, id: string, periodKind: PeriodKind = 'month', since?: string): Promise<RenderedCollection> {
    const record = this.record(workspaceId, id);
    const jobIds = since === undefined ? record.jobIds : this.deps.collections.jobIdsAddedSince(id, since);
    if (jobIds.length === 0 && since !== undefined) {
      throw new OnscreenError('collection_empty', `The collection "${record.name}" has no video added since ${since.slice(0, 10)}.`);
    }
    const { videos, pending } = await this.summariesOf(jobIds);
    return renderCollection(record.name, videos, periodKind, new Date(this.now()), { pending, skipped: record.skipped });
  }

  /** The stored summaries of these jobs, and the jobs that have none yet (still analysing, or failed). */
  async summariesOf(jobIds: readonly string[]): Promise<{ videos: VideoSummary[]; pending: Array<{ id: string; title: string | null; status: string }> }> {
    await Promise.all(jobIds.map((jobId) => this.ensureSummary(jobId)));
    const stored = this.deps.collections.summaries(jobIds);
    const videos = jobIds.map((jobId) => stored.get(jobId)).filter((s): s is VideoSummary => s !== undefined);
    const pending = jobIds
      .filter((jobId) => !stored.has(jobId))
      .map((jobId) => this.deps.jobs.get(jobId))
      .filter((job) => job !== null)
      .map((job) => ({ id: job.id, title: job.title ?? job.sourceLabel, status: job.status }));
    return { videos, pending };
  }

  private onJob(job: Job): void {
    if (job.status === 'tagging' || job.status === 'done') void this.refresh(job.id).catch((error: unknown) => this.deps.notifier.log(`job ${job.id}: its collection summary was not updated (${String(error)})`));
  }

  /**
   * Waits for a summary being written; writes one for an analysed job that has none (jobs analysed
   * before collections existed). A job still analysing gets its summary when it becomes taggable.
   */
  private async ensureSummary(jobId: string): Promise<void> {
    await this.pending.get(jobId)?.catch(() => undefined);
    const status = this.deps.jobs.get(jobId)?.status;
    if ((status === 'tagging' || status === 'done') && this.deps.collections.summaries([jobId]).size === 0) await this.refresh(jobId);
  }

  /** Summaries of one job are written one after another, in the order of its changes. */
  private refresh(jobId: string): Promise<void> {
    const previous = this.pending.get(jobId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const { record, analysis, edits } = await this.deps.tagging.state(jobId);
      const summary = summarizeAnalysis(jobId, { ...analysis, video: { ...analysis.video, title: record.title ?? analysis.video.title } }, edits);
      const job = this.deps.jobs.get(jobId);
      if (!job) return;
      this.deps.collections.saveSummary(jobId, summary, this.now());
      if (summary.channel?.id) this.addToChannelCollection(job.workspaceId, jobId, summary.channel);
    });
    this.pending.set(jobId, next);
    void next.finally(() => {
      if (this.pending.get(jobId) === next) this.pending.delete(jobId);
    }).catch(() => undefined);
    return next;
  }

  /** A YouTube video's job joins the collection of its channel (made at its channel's first video). */
  private addToChannelCollection(workspaceId: string, jobId: string, channel: YouTubeChannel): void {
    const key = youtubeChannelKey(channel.id as string);
    const name = `YouTube channel: ${channel.name ?? channel.handle ?? channel.id}`;
    const { collection } = this.ensure(workspaceId, key, name.slice(0, 200), null);
    if (!collection.jobIds.includes(jobId)) this.deps.collections.addJobs(collection.id, [jobId], this.now());
  }

  /** A collection of this workspace; another workspace's is as unknown as one that never existed. */
  private record(workspaceId: string, id: string): CollectionRecord {
    const record = this.deps.collections.get(id);
    if (!record || record.workspaceId !== workspaceId) throw notFound(id);
    return record;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}

function view(record: CollectionRecord): CollectionView {
  return { ...record, reportUrl: `/api/v1/collections/${record.id}/report.html`, pageUrl: `/collections/${record.id}` };
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw new OnscreenError('bad_request', 'A collection needs a name of 1 to 200 characters.');
  return trimmed;
}

function notFound(id: string): OnscreenError {
  return new OnscreenError('collection_not_found', `No collection ${id}: it never existed, or it was deleted.`);
}
