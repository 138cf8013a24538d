/**
 * A job's report as it stands with the current tags, rendered by report.service.ts (the same
 * renderer as `onscreen report`) and kept until the tags change (keyed by the edit count).
 */
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { Report } from '../../../shared/src/report.js';
import type { RenderedReport } from '../contracts/rendered-report.js';
import type { ChartName } from '../../../shared/src/api/client.js';
import { bestFaceThumbnail } from '../stages/people/best-face.js';
import { applyEdits } from '../stages/people/edits.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { TaggingService } from './tagging.service.js';

export type ReportRenderer = (analysis: Analysis, edits: Edit[], readThumbnail: (path: string) => Promise<Buffer | null>) => Promise<RenderedReport>;
export type ChartRenderer = (report: Report, name: ChartName, width: number) => Promise<Buffer>;

/** Reports kept rendered; rendering charts takes a moment, serving them again takes nothing. */
const CACHE_SIZE = 16;

export class JobReportsService {
  /** By job: the analysis and the edit count it was rendered from (the analysis changes when the library forgets someone). */
  private readonly cache = new Map<string, { analysis: Analysis; revision: number; serial: number; rendered: Promise<RenderedReport> }>();
  private renders = 0;
  /** Charts drawn at a page's width, by job, rendering, name and width. */
  private readonly sized = new Map<string, Promise<Buffer>>();

  constructor(private readonly deps: { tagging: TaggingService; files: JobFilesStore; render: ReportRenderer; renderChart?: ChartRenderer }) {}

  async render(jobId: string): Promise<RenderedReport> {
    const { analysis, edits } = await this.deps.tagging.state(jobId);
    const cached = this.cache.get(jobId);
    if (cached && cached.analysis === analysis && cached.revision === edits.length) return cached.rendered;
    const rendered = this.deps.render(analysis, edits, (path) => this.deps.files.readJobFile(jobId, path));
    this.cache.delete(jobId);
    this.cache.set(jobId, { analysis, revision: edits.length, serial: ++this.renders, rendered });
    rendered.catch(() => this.cache.delete(jobId));
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return rendered;
  }

  /** A chart at the default width, or drawn at `width` CSS pixels (the size a page shows it at). */
  async chart(jobId: string, name: ChartName, width?: number): Promise<Buffer> {
    const rendered = await this.render(jobId);
    if (width === undefined || !this.deps.renderChart) return rendered.charts[name];
    const key = `${jobId}:${this.cache.get(jobId)?.serial}:${name}:${width}`;
    let chart = this.sized.get(key);
    if (!chart) {
      chart = this.deps.renderChart(rendered.report, name, width);
      this.sized.set(key, chart);
      chart.catch(() => this.sized.delete(key));
      if (this.sized.size > CACHE_SIZE * 3) this.sized.delete(this.sized.keys().next().value!);
    }
    return chart;
  }

  async thumbnailOfPerson(jobId: string, personId: number): Promise<Buffer> {
    const { analysis, edits } = await this.deps.tagging.state(jobId);
    const person = applyEdits(analysis, edits).find((p) => p.id === personId);
    if (!person) throw new OnscreenError('cluster_unknown', `Job ${jobId} has no person ${personId}.`);
    const image = person.thumbnail ? await this.deps.files.readJobFile(jobId, person.thumbnail) : null;
    if (!image) throw new OnscreenError('not_found', `Person ${personId} has no thumbnail.`);
    return image;
  }

  async thumbnailOfTrack(jobId: string, trackId: number): Promise<Buffer> {
    const { analysis } = await this.deps.tagging.state(jobId);
    const track = analysis.tracks.find((t) => t.id === trackId);
    if (!track) throw new OnscreenError('not_found', `Job ${jobId} has no track ${trackId}.`);
    const image = track.thumbnail ? await this.deps.files.readJobFile(jobId, track.thumbnail) : null;
    if (!image) throw new OnscreenError('not_found', `Track ${trackId} has no thumbnail.`);
    return image;
  }

  /** The person's one best face, square (for Slack and other small places; the strip stays for the page). */
  async faceOfPerson(jobId: string, personId: number): Promise<Buffer> {
    const { analysis, edits } = await this.deps.tagging.state(jobId);
    const person = applyEdits(analysis, edits).find((p) => p.id === personId);
    if (!person) throw new OnscreenError('cluster_unknown', `Job ${jobId} has no person ${personId}.`);
    const path = bestFaceThumbnail(analysis, person.tracks);
    const image = path ? await this.deps.files.readJobFile(jobId, path) : null;
    if (!image) throw new OnscreenError('not_found', `Person ${personId} has no face picture.`);
    return image;
  }

  forget(jobId: string): void {
    this.cache.delete(jobId);
    for (const key of this.sized.keys()) if (key.startsWith(`${jobId}:`)) this.sized.delete(key);
  }
}
