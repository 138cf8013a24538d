/**
 * The typed client of the engine's HTTP API: the only way the extension, the bot and the
 * tagging page talk to the engine. Runs in Node 20 and in browsers (fetch, EventSource-free SSE).
 */
import { toOnBehalfOf } from '../actor.js';
import type { AnalyzeOptions, Edit, Tag, VoiceTag } from '../analysis.js';
import { isErrorCode, OnscreenError, type ErrorBody } from '../errors.js';
import type { CollectionReport } from '../collection.js';
import type { Report } from '../report.js';
import type { LibraryPersonSummary } from '../library.js';
import {
  API_PREFIX,
  type ChannelTotals,
  type Collection,
  type CreateJobRequest,
  type Job,
  type LinkCheck,
  type PeopleResponse,
  type VideoSource,
  type ServiceStatus,
  type ShareLink,
  type TokenInfo,
  type Workspace,
  type WorkspaceDeleted,
} from './types.js';

export interface ClientOptions {
  /** The engine's base URL, e.g. http://127.0.0.1:8750 (no trailing /api). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 30 s; uploads and SSE are not limited). */
  timeoutMs?: number;
}

/** The charts of every report; `heard` ("Seen and heard") and `speaking` exist only with speaking time (issue 14). */
export type ChartName = 'share' | 'timeline' | 'persons' | SpeechChartName;
export type SpeechChartName = 'heard' | 'speaking';
export type CollectionChartName = 'videos' | 'trend' | 'people';

export class OnscreenClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  createJob(request: CreateJobRequest): Promise<Job> {
    return this.json('POST', '/jobs', request);
  }

  /** Whether a link is a video (YouTube, or served as a video file), without starting anything. */
  checkLink(url: string): Promise<LinkCheck> {
    return this.json('POST', '/links/check', { url });
  }

  uploadJob(file: Blob | Uint8Array, filename: string, options: Partial<Pick<AnalyzeOptions, 'fps'>> & { force?: boolean; requester?: string } = {}): Promise<Job> {
    const query = new URLSearchParams({ filename });
    if (options.fps !== undefined) query.set('fps', String(options.fps));
    if (options.force) query.set('force', 'true');
    if (options.requester) query.set('requester', options.requester);
    const body = file instanceof Uint8Array ? new Blob([file as Uint8Array<ArrayBuffer>]) : file;
    return this.request('POST', `/jobs/upload?${query}`, body, 'application/octet-stream', 0).then(readJson<Job>);
  }

  listJobs(options: { limit?: number; requester?: string } = {}): Promise<{ jobs: Job[] }> {
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.requester) query.set('requester', options.requester);
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.json('GET', `/jobs${suffix}`);
  }

  getJob(id: string): Promise<Job> {
    return this.json('GET', `/jobs/${encodeURIComponent(id)}`);
  }

  async deleteJob(id: string): Promise<void> {
    await this.request('DELETE', `/jobs/${encodeURIComponent(id)}`);
  }

  getPeople(jobId: string): Promise<PeopleResponse> {
    return this.json('GET', `/jobs/${encodeURIComponent(jobId)}/people`);
  }

  // Edits: the engine attributes them to this client's token; `onBehalfOf` names the person it
  // acts for (a name a user typed is cleaned by toOnBehalfOf; an empty one is left out).

  tag(jobId: string, person: number, tag: Tag, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/tags`, { person, tag, ...forWhom(onBehalfOf) });
  }

  /** Names a person (in the edit history, with undo). */
  name(jobId: string, person: number, name: string, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/name`, { person, name, ...forWhom(onBehalfOf) });
  }

  /** A person recognised from the people library is not them: the recognition and its tag go. */
  notThem(jobId: string, person: number, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/not-them`, { person, ...forWhom(onBehalfOf) });
  }

  listLibrary(): Promise<{ people: LibraryPersonSummary[] }> {
    return this.json('GET', '/library');
  }

  /** Adds everyone a person tagged in the job to the people library. */
  addToLibrary(jobId: string, onBehalfOf?: string): Promise<{ added: LibraryPersonSummary[]; updated: LibraryPersonSummary[] }> {
    return this.json('POST', '/library/people', { jobId, ...forWhom(onBehalfOf) });
  }

  renameLibraryPerson(id: string, name: string, onBehalfOf?: string): Promise<LibraryPersonSummary> {
    return this.json('POST', `/library/people/${encodeURIComponent(id)}/rename`, { name, ...forWhom(onBehalfOf) });
  }

  removeLibraryPerson(id: string): Promise<LibraryPersonSummary> {
    return this.json('DELETE', `/library/people/${encodeURIComponent(id)}`);
  }

  async getLibraryThumbnail(id: string): Promise<Uint8Array> {
    const response = await this.request('GET', `/library/people/${encodeURIComponent(id)}/thumbnail.jpg`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Tags a voice heard off screen, by ear: "not-speech" removes it (music, singing, a crowd). */
  tagVoice(jobId: string, voice: string, tag: VoiceTag, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/voice-tags`, { voice, tag, ...forWhom(onBehalfOf) });
  }

  /** Corrects who speaks from `start` to `end` seconds: a person, or null for nobody seen (off screen). */
  correctSpeaker(jobId: string, start: number, end: number, person: number | null, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/speaker`, { start, end, person, ...forWhom(onBehalfOf) });
  }

  /** A voice's short audio sample (AAC in MP4), to tag it by ear. */
  async getVoiceSample(jobId: string, voice: string): Promise<Uint8Array> {
    const response = await this.request('GET', `/jobs/${encodeURIComponent(jobId)}/voices/${encodeURIComponent(voice)}/sample.m4a`);
    return new Uint8Array(await response.arrayBuffer());
  }

  merge(jobId: string, into: number, from: number, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/merge`, { into, from, ...forWhom(onBehalfOf) });
  }

  split(jobId: string, person: number, onBehalfOf?: string, tracks?: number[]): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/split`, { person, ...forWhom(onBehalfOf), ...(tracks ? { tracks } : {}) });
  }

  acceptSuggestions(jobId: string, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/accept-suggestions`, forWhom(onBehalfOf));
  }

  undo(jobId: string, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/undo`, forWhom(onBehalfOf));
  }

  redo(jobId: string, onBehalfOf?: string): Promise<PeopleResponse> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/redo`, forWhom(onBehalfOf));
  }

  finish(jobId: string, onBehalfOf?: string): Promise<Job> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/finish`, forWhom(onBehalfOf));
  }

  /** A read-only link to the job's report, for people without a token (a fresh one is reused). */
  createShareLink(jobId: string, options: { days?: number } = {}): Promise<ShareLink> {
    return this.json('POST', `/jobs/${encodeURIComponent(jobId)}/share-links`, options);
  }

  /** The absolute URL of a read-only link to the job's report. */
  async shareReportUrl(jobId: string): Promise<string> {
    return this.resolve((await this.createShareLink(jobId)).url);
  }

  /** A read-only link to a collection's report (all its videos), for people without a token. */
  createCollectionShareLink(collectionId: string, options: { days?: number } = {}): Promise<ShareLink> {
    return this.json('POST', `/collections/${encodeURIComponent(collectionId)}/share-links`, options);
  }

  listShareLinks(jobId: string): Promise<{ links: ShareLink[] }> {
    return this.json('GET', `/jobs/${encodeURIComponent(jobId)}/share-links`);
  }

  async revokeShareLink(linkId: string): Promise<void> {
    await this.request('DELETE', `/share-links/${encodeURIComponent(linkId)}`);
  }

  // Admin tokens only: workspaces and their tokens.

  listWorkspaces(): Promise<{ workspaces: Workspace[] }> {
    return this.json('GET', '/admin/workspaces');
  }

  createWorkspace(id: string): Promise<Workspace> {
    return this.json('POST', '/admin/workspaces', { id });
  }

  /** Deletes another workspace with every trace of it: its tokens, jobs, collections, share links and people library. */
  deleteWorkspace(id: string): Promise<WorkspaceDeleted> {
    return this.json('DELETE', `/admin/workspaces/${encodeURIComponent(id)}`);
  }

  listTokens(workspace?: string): Promise<{ tokens: TokenInfo[] }> {
    return this.json('GET', `/admin/tokens${workspace ? `?${new URLSearchParams({ workspace })}` : ''}`);
  }

  createToken(name: string, workspace: string, options: { admin?: boolean } = {}): Promise<{ token: string; info: TokenInfo }> {
    return this.json('POST', '/admin/tokens', { name, workspace, ...options });
  }

  async revokeToken(name: string): Promise<void> {
    await this.request('DELETE', `/admin/tokens/${encodeURIComponent(name)}`);
  }

  history(jobId: string): Promise<{ edits: Edit[] }> {
    return this.json('GET', `/jobs/${encodeURIComponent(jobId)}/history`);
  }

  getReport(jobId: string): Promise<Report> {
    return this.json('GET', `/jobs/${encodeURIComponent(jobId)}/report`);
  }

  async getReportCsv(jobId: string): Promise<string> {
    return (await this.request('GET', `/jobs/${encodeURIComponent(jobId)}/report.csv`)).text();
  }

  /** A chart PNG; with `width` (CSS pixels, 320 to 1600) drawn at the size it will be shown, at twice that in pixels. */
  async getChart(jobId: string, name: ChartName, width?: number): Promise<Uint8Array> {
    const query = width === undefined ? '' : `?width=${Math.round(width)}`;
    const response = await this.request('GET', `/jobs/${encodeURIComponent(jobId)}/charts/${name}.png${query}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** A new collection; with a `key` (the client's own), the workspace's collection with that key if there is one. */
  createCollection(name: string, options: { key?: string } = {}): Promise<Collection> {
    return this.json('POST', '/collections', { name, ...options });
  }

  /** The workspace's collection with this key, or null. */
  async findCollection(key: string): Promise<Collection | null> {
    return (await this.json<{ collections: Collection[] }>('GET', `/collections?${new URLSearchParams({ key })}`)).collections[0] ?? null;
  }

  /** A YouTube channel's analysed videos so far, by its id (UC…), its handle (@name), or both. */
  channelTotals(channel: { id?: string | null; handle?: string | null }): Promise<ChannelTotals> {
    const query = new URLSearchParams();
    if (channel.id) query.set('id', channel.id);
    if (channel.handle) query.set('handle', channel.handle);
    return this.json('GET', `/youtube/channel-totals?${query}`);
  }

  collectionFromYouTube(url: string, options: { name?: string; max?: number } = {}): Promise<{ collection: Collection; jobs: Job[] }> {
    return this.json('POST', '/collections/from-youtube', { url, ...options });
  }

  async listCollections(): Promise<Collection[]> {
    return (await this.json<{ collections: Collection[] }>('GET', '/collections')).collections;
  }

  getCollection(id: string): Promise<Collection> {
    return this.json('GET', `/collections/${encodeURIComponent(id)}`);
  }

  addToCollection(id: string, jobIds: string[]): Promise<Collection> {
    return this.json('POST', `/collections/${encodeURIComponent(id)}/jobs`, { jobIds });
  }

  removeFromCollection(id: string, jobId: string): Promise<Collection> {
    return this.json('DELETE', `/collections/${encodeURIComponent(id)}/jobs/${encodeURIComponent(jobId)}`);
  }

  async deleteCollection(id: string): Promise<void> {
    await this.request('DELETE', `/collections/${encodeURIComponent(id)}`);
  }

  /** With `since` (YYYY-MM-DD or an ISO time): over the jobs added to the collection since then. */
  getCollectionReport(id: string, period: 'month' | 'week' = 'month', since?: string): Promise<CollectionReport> {
    return this.json('GET', `/collections/${encodeURIComponent(id)}/report?${collectionQuery(period, since)}`);
  }

  /** The collection report as CSV, or as its self-contained HTML page. */
  async getCollectionFile(id: string, format: 'csv' | 'html', period: 'month' | 'week' = 'month'): Promise<string> {
    return (await this.request('GET', `/collections/${encodeURIComponent(id)}/report.${format}?period=${period}`)).text();
  }

  /** A chart of the collection; with `since`, over the jobs added to it since then. */
  async getCollectionChart(id: string, name: CollectionChartName, period: 'month' | 'week' = 'month', since?: string): Promise<Uint8Array> {
    const response = await this.request('GET', `/collections/${encodeURIComponent(id)}/charts/${name}.png?${collectionQuery(period, since)}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async getThumbnail(jobId: string, person: number): Promise<Uint8Array> {
    const response = await this.request('GET', `/jobs/${encodeURIComponent(jobId)}/people/${person}/thumbnail.jpg`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** The person's one best face, square: for places too small for the strip of faces. */
  async getFace(jobId: string, person: number): Promise<Uint8Array> {
    const response = await this.request('GET', `/jobs/${encodeURIComponent(jobId)}/people/${person}/face.jpg`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Where to play the job's video (YouTube's embed, the original link, or the kept upload through a signed link). */
  getVideo(jobId: string): Promise<VideoSource> {
    return this.json('GET', `/jobs/${encodeURIComponent(jobId)}/video`);
  }

  /** One track's best face (a person's tracks, to pick which ones are someone else). */
  async getTrackThumbnail(jobId: string, track: number): Promise<Uint8Array> {
    const response = await this.request('GET', `/jobs/${encodeURIComponent(jobId)}/tracks/${track}/thumbnail.jpg`);
    return new Uint8Array(await response.arrayBuffer());
  }

  status(): Promise<ServiceStatus> {
    return this.json('GET', '/status');
  }

  /** Absolute URL of a path the API returned (e.g. `job.pageUrl`). */
  resolve(path: string): string {
    return new URL(path, this.baseUrl + '/').toString();
  }

  /**
   * Follows a job until it leaves the analysing states or `signal` aborts, calling `onJob` on
   * every change. Uses the server-sent events stream, and falls back to polling if it breaks.
   */
  async watchJob(id: string, onJob: (job: Job) => void, signal?: AbortSignal): Promise<Job> {
    return this.listen(id, onJob, isAnalysing, signal);
  }

  /**
   * Like watchJob, but goes on after the analysis, until `signal` aborts: every edit by anyone
   * (another page, the API, the Slack bot) comes as a new `job` event, so an open page can follow.
   */
  async followJob(id: string, onJob: (job: Job) => void, signal: AbortSignal): Promise<Job> {
    return this.listen(id, onJob, () => true, signal, true);
  }

  private async listen(id: string, onJob: (job: Job) => void, isLive: (job: Job) => boolean, signal?: AbortSignal, follow = false): Promise<Job> {
    let last = await this.getJob(id);
    onJob(last);
    while (isLive(last) && !signal?.aborted) {
      try {
        last = await this.followEvents(id, onJob, isLive, signal, follow);
        // A followed stream only ends when the server goes or the job is deleted: never reconnect in a tight loop.
        if (follow) await delay(1000, signal);
      } catch (error) {
        if (signal?.aborted) break;
        if (error instanceof OnscreenError && !error.isRetryable) throw error;
        await delay(1000, signal);
        last = await this.getJob(id);
        onJob(last);
      }
    }
    return last;
  }

  private async followEvents(id: string, onJob: (job: Job) => void, isLive: (job: Job) => boolean, signal?: AbortSignal, follow = false): Promise<Job> {
    const response = await this.request('GET', `/jobs/${encodeURIComponent(id)}/events${follow ? '?follow=true' : ''}`, undefined, undefined, 0, signal);
    if (!response.body) throw new OnscreenError('unavailable', 'The event stream closed.');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let last: Job | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const lines = event.split('\n');
        const name = lines.find((line) => line.startsWith('event:'))?.slice(6).trim() ?? 'message';
        const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
        if (name === 'deleted') {
          await reader.cancel().catch(() => undefined);
          throw new OnscreenError('job_not_found', `Job ${id} was deleted.`);
        }
        // Only `job` events carry a Job (comments and other events are not one).
        if (!data || (name !== 'job' && name !== 'message')) continue;
        last = JSON.parse(data) as Job;
        onJob(last);
        if (!isLive(last)) {
          await reader.cancel().catch(() => undefined);
          return last;
        }
      }
    }
    return last ?? this.getJob(id);
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
    return readJson<T>(response);
  }

  private async request(
    method: string,
    path: string,
    body?: BodyInit,
    contentType?: string,
    timeoutMs = this.timeoutMs,
    signal?: AbortSignal,
  ): Promise<Response> {
    const signals = [signal, timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${API_PREFIX}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(contentType ? { 'content-type': contentType } : {}) },
        ...(body !== undefined ? { body } : {}),
        ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
      });
    } catch (error) {
      throw new OnscreenError('unavailable', `The onscreen engine at ${this.baseUrl} could not be reached.`, {
        hint: 'Check the server address and that the engine is running.',
        cause: error,
      });
    }
    if (!response.ok) throw await toError(response);
    return response;
  }
}

function collectionQuery(period: 'month' | 'week', since: string | undefined): URLSearchParams {
  return new URLSearchParams({ period, ...(since ? { since } : {}) });
}

function forWhom(onBehalfOf: string | undefined): { onBehalfOf?: string } {
  const cleaned = toOnBehalfOf(onBehalfOf);
  return cleaned ? { onBehalfOf: cleaned } : {};
}

export function isAnalysing(job: Job): boolean {
  return job.status === 'queued' || job.status === 'running';
}

async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function toError(response: Response): Promise<OnscreenError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as ErrorBody;
    if (isErrorCode(body.error?.code)) return OnscreenError.fromBody(body);
  } catch {
    // not an API error body: fall through
  }
  const code = response.status === 401 ? 'unauthorized' : response.status === 404 ? 'not_found' : 'internal';
  return new OnscreenError(code, `The engine answered ${response.status} ${response.statusText}.`);
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
