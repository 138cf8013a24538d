/**
 * The engine's HTTP API (v1) as types. The engine is the one door for the extension and
 * the bot; both reach it only through `OnscreenClient` (client.ts).
 *
 * Routes (all JSON unless said; every route but /api/health and /api/ready needs
 * `Authorization: Bearer <token>`). A token belongs to one workspace and sees only its jobs:
 * another workspace's job answers 404, as one that never existed. Edits are attributed to the
 * token's name (`by`); the person it acts for goes in `onBehalfOf` (or the
 * `X-Onscreen-On-Behalf-Of` header), checked by shared/src/actor.ts:
 *   GET    /api/health                          → { ok: true, version }
 *   GET    /api/ready                           → 200 { ready: true } | 503
 *   GET    /api/openapi.json                    → OpenAPI 3.1 document
 *   GET    /api/v1/status                       → ServiceStatus
 *   POST   /api/v1/jobs                         CreateJobRequest → 201 Job (or 200 Job reused)
 *   POST   /api/v1/jobs/upload?filename=&fps=&force=   raw body (application/octet-stream) → 201 Job
 *   GET    /api/v1/jobs?limit=&requester=       → { jobs: Job[] }
 *   GET    /api/v1/jobs/:id                     → Job
 *   GET    /api/v1/jobs/:id/events              → text/event-stream of `job` events (data: Job)
 *   DELETE /api/v1/jobs/:id                     → 204 (job, faces, thumbnails, embeddings, report: all gone)
 *   POST   /api/v1/links/check                 CheckLinkRequest → LinkCheck (is it a video? nothing is started)
 *   GET    /api/v1/jobs/:id/people              → PeopleResponse
 *   GET    /api/v1/jobs/:id/people/:pid/thumbnail.jpg  → image/jpeg (a strip of the person's best faces)
 *   GET    /api/v1/jobs/:id/people/:pid/face.jpg       → image/jpeg (their one best face, square)
 *   GET    /api/v1/jobs/:id/tracks/:tid/thumbnail.jpg  → image/jpeg (a track's best face, for split)
 *   GET    /api/v1/jobs/:id/video               → VideoSource (where the page's player plays the video)
 *   POST   /api/v1/jobs/:id/tags                TagRequest → PeopleResponse
 *   POST   /api/v1/jobs/:id/name                { person, name, by } → PeopleResponse (in the history; undo)
 *   POST   /api/v1/jobs/:id/not-them            { person, by } → PeopleResponse (drops a library recognition)
 *   POST   /api/v1/jobs/:id/merge               MergeRequest → PeopleResponse
 *   POST   /api/v1/jobs/:id/split               SplitRequest → PeopleResponse
 *   POST   /api/v1/jobs/:id/accept-suggestions  { by } → PeopleResponse
 *   POST   /api/v1/jobs/:id/voice-tags          { voice, tag, by } → PeopleResponse (a voice tagged by ear; tag ∈ female | male | unknown | not-speech)
 *   POST   /api/v1/jobs/:id/speaker             { start, end, person | null, by } → PeopleResponse (who speaks in a span; null: off screen)
 *   GET    /api/v1/jobs/:id/voices/:vid/sample.m4a  → audio/mp4 (a few seconds of the voice, to tag by ear)
 *   POST   /api/v1/jobs/:id/undo                { by } → PeopleResponse
 *   POST   /api/v1/jobs/:id/redo                { by } → PeopleResponse
 *   POST   /api/v1/jobs/:id/finish              { by } → Job   (marks tagging done; report final)
 *   GET    /api/v1/jobs/:id/history             → { edits: Edit[] }
 *   GET    /api/v1/jobs/:id/report              → Report (updates as tags change)
 *   GET    /api/v1/jobs/:id/report.csv          → text/csv
 *   GET    /api/v1/jobs/:id/report.html         → text/html (self-contained)
 *   GET    /api/v1/jobs/:id/charts/:name.png?width=  → image/png, name ∈ share | timeline | persons | heard | speaking (the last two with speaking time)
 *   POST   /api/v1/collections                  { name, key? } → 201 Collection (with a key the workspace has: 200, that one)
 *   POST   /api/v1/collections/from-youtube     { url, name?, max? } → 201 { collection, jobs: Job[] }
 *   GET    /api/v1/collections?key=             → { collections: Collection[] } (with key: the one with that key, or none)
 *   GET    /api/v1/collections/:cid             → Collection
 *   DELETE /api/v1/collections/:cid             → 204 (the jobs stay)
 *   POST   /api/v1/collections/:cid/jobs        { jobIds } → Collection (all or none)
 *   DELETE /api/v1/collections/:cid/jobs/:id    → Collection
 *   GET    /api/v1/collections/:cid/report?period=month|week&since=  → CollectionReport (shared/src/collection.ts); since: only jobs added since that day or time
 *   GET    /api/v1/collections/:cid/report.csv  → text/csv
 *   GET    /api/v1/collections/:cid/report.html → text/html (self-contained)
 *   GET    /api/v1/collections/:cid/charts/:name.png?period=&since=  → image/png, name ∈ videos | trend | people
 *   GET    /api/v1/youtube/channel-totals?id=UC…&handle=@name  → ChannelTotals (a YouTube channel's analysed videos so far)
 *   POST   /api/v1/jobs/:id/share-links         { days? } → 201 ShareLink (read-only report link; reused while fresh)
 *   POST   /api/v1/collections/:cid/share-links { days? } → 201 ShareLink (the collection's report, read only)
 *   GET    /api/v1/jobs/:id/share-links         → { links: ShareLink[] }
 *   DELETE /api/v1/share-links/:linkId           → 204 (revoked at once)
 * Admin (an admin token; others get 403):
 *   GET    /api/v1/admin/workspaces             → { workspaces: Workspace[] }
 *   POST   /api/v1/admin/workspaces             { id } → 201 Workspace
 *   DELETE /api/v1/admin/workspaces/:wid        → WorkspaceDeleted (its tokens, jobs, collections, links and library; not the token's own)
 *   GET    /api/v1/admin/tokens?workspace=      → { tokens: TokenInfo[] }
 *   POST   /api/v1/admin/tokens                 { name, workspace, admin? } → 201 { token, info: TokenInfo }
 *   DELETE /api/v1/admin/tokens/:name           → 204 (revoked)
 * The people library (404 library_off unless ONSCREEN_LIBRARY_ENABLED):
 *   GET    /api/v1/library                      → { people: LibraryPersonSummary[] }
 *   POST   /api/v1/library/people               { jobId, by } → { added, updated }
 *   POST   /api/v1/library/people/:lid/rename   { name, by } → LibraryPersonSummary
 *   DELETE /api/v1/library/people/:lid          → LibraryPersonSummary (signatures and thumbnail deleted)
 *   GET    /api/v1/library/people/:lid/thumbnail.jpg  → image/jpeg
 *   POST   /api/v1/library/forget               { by } → { forgotten }
 * Pages (no token in the URL: the page asks for it once and keeps it in sessionStorage):
 *   GET    /                                    → job list page
 *   GET    /jobs/:id                            → tagging and report page
 *   GET    /library                             → people library page
 *   GET    /collections                         → collections page
 *   GET    /collections/:id                     → a collection's page (videos, totals, trend, people, exports)
 * Share links (no token: the link is the credential; read only):
 *   GET    /share/:link                         → the report as a self-contained HTML page
 * Errors: ErrorBody with the HTTP status of ERROR_CODES[code].status.
 */
import type { AnalyzeOptions, Edit, PersonView, Tag, VoiceView } from '../analysis.js';
import type { CollectionReport } from '../collection.js';
import type { YouTubeChannel } from '../youtube-channel.js';

export const API_PREFIX = '/api/v1';

/** A named set of analyses (a programme, a channel, a month); a job can be in several. */
export interface Collection {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  /** The YouTube playlist or channel it was made from, or null. */
  source: string | null;
  /** Videos of that list that could not be analysed (private, deleted, live…). */
  skipped: Array<{ videoId: string; title: string | null; reason: string }>;
  jobIds: string[];
  /** The report (HTML, needs the token), relative to the engine's address. */
  reportUrl: string;
  /** The collection's page, relative to the engine's address. */
  pageUrl: string;
  /** The client's own key to find it again (`slack-channel:T…:C…`; the engine's `youtube-channel:UC…`), or null. */
  key: string | null;
}

/** A YouTube channel's analysed videos so far, added up as a collection adds them up. */
export interface ChannelTotals {
  /** What YouTube said last about the channel (or what was asked, when no video of it was analysed). */
  channel: YouTubeChannel;
  /** Analysed videos of the channel (taggable or done); 0 when none. */
  videos: number;
  /** The collection report's total (shared/src/collection.ts), or null when no video was analysed. */
  total: CollectionReport['total'] | null;
  /** The collection the engine keeps for the channel, or null. */
  collection: Collection | null;
}

export type JobStatus = 'queued' | 'running' | 'tagging' | 'done' | 'failed';
export type JobStage = 'queued' | 'source' | 'frames' | 'faces' | 'tracks' | 'people' | 'report' | 'done';

export interface JobProgress {
  stage: JobStage;
  /** 0..100 over the whole analysis. */
  percent: number;
  /** Seconds left, or null while unknown. */
  etaSeconds: number | null;
  /** A short human line: "Finding faces: 312 of 720 frames". */
  message: string;
}

export interface JobSource {
  kind: 'url' | 'youtube' | 'upload';
  /** The URL as given, or the uploaded file's name. */
  label: string;
  /** For YouTube: the video id; lets clients find the job for a watch page. */
  videoId: string | null;
}

export interface Job {
  id: string;
  status: JobStatus;
  progress: JobProgress;
  source: JobSource;
  title: string | null;
  options: Pick<AnalyzeOptions, 'fps'>;
  /** Who asked: a token's name plus a free label from the client (e.g. a Slack user id). */
  requester: string | null;
  createdAt: string;
  updatedAt: string;
  /** Present when status is 'failed'. */
  error: { code: string; message: string; hint?: string } | null;
  /** Number of people (clusters) found, once analysed. */
  people: number | null;
  /** Video duration in seconds, once known. */
  duration: number | null;
  /** Relative URL of the report page. */
  pageUrl: string;
  /** Whether the same request reused this existing job. */
  reused?: boolean;
}

export interface CreateJobRequest {
  url: string;
  options?: Partial<Pick<AnalyzeOptions, 'fps'>>;
  /** Start a new job even if the same video with the same options exists. */
  force?: boolean;
  /** A free label of who asked (e.g. "slack:U123"), shown in lists. */
  requester?: string;
}

export interface CheckLinkRequest {
  url: string;
}

/** What a link is: `youtube` and `media` can be analysed; the others cannot. */
export type LinkKind = 'youtube' | 'media' | 'page' | 'stream' | 'audio' | 'image' | 'other';

/** The answer of POST /links/check: whether a link is a video, judged without starting anything. */
export interface LinkCheck {
  /** The link as checked (a YouTube link in its canonical form, others after redirects). */
  url: string;
  kind: LinkKind;
  isVideo: boolean;
  /** The media type the server gave, if it was asked. */
  contentType: string | null;
  /** One sentence for a person: what the link is, and what to give instead when it is not a video. */
  message: string;
}

export interface PeopleResponse {
  jobId: string;
  people: PersonView[];
  /** Relative URL template of thumbnails: replace {id}. */
  thumbnailUrl: string;
  /** True once every person has a tag. */
  isComplete: boolean;
  /** Index of the newest edit, for optimistic concurrency and idempotence. */
  revision: number;
  /** What undo would take back now (whoever made it), or null when there is nothing to undo. */
  undo: EditSummary | null;
  /** What redo would bring back now, or null. */
  redo: EditSummary | null;
  /** The voices heard (issue 14), with their tags; absent for a job analysed before speech was measured. */
  voices?: VoiceView[];
  /** Relative URL template of voice samples: replace {id} (v0, v1, …). */
  voiceSampleUrl?: string;
  /** Who speaks when, after corrections (issue 14), in time order; absent like `voices`. */
  speech?: SpeechSpan[];
}

/** A stretch of speech as the tagging history now has it: the person seen speaking (null: off screen), and the voice heard. */
export interface SpeechSpan {
  start: number;
  end: number;
  person: number | null;
  voice: string | null;
}

/**
 * Where a page can play a job's video, to check a face in context: YouTube's embed, the original
 * link, or the uploaded file (a signed link that expires). The uploaded file is kept only as long
 * as the job (retention deletes both).
 */
export type VideoSource =
  | { kind: 'youtube'; videoId: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; url: string; expiresAt: string }
  | { kind: 'none'; reason: string };

/** One tagging action, described for a button: "Alice tagged Person 3 female". */
export interface EditSummary {
  kind: 'tag' | 'merge' | 'split' | 'accept-suggestions' | 'name' | 'not-known' | 'tag-voice' | 'speaker';
  by: string;
  at: string;
  label: string;
}

/**
 * Who an edit is for. The engine records the token's name as `by` itself; `onBehalfOf` names the
 * person the client acts for (see shared/src/actor.ts). `by` in a request is the older name of
 * `onBehalfOf`, held to the same rules; it is never taken as the client's identity.
 */
export interface OnBehalfOf {
  onBehalfOf?: string;
  /** @deprecated send `onBehalfOf`. */
  by?: string;
}

export interface TagRequest extends OnBehalfOf {
  person: number;
  tag: Tag;
}

export interface MergeRequest extends OnBehalfOf {
  /** The person that stays. */
  into: number;
  /** The person merged into it. */
  from: number;
}

export interface SplitRequest extends OnBehalfOf {
  person: number;
  /** Track ids moved into a new person (default: every track its own person). */
  tracks?: number[];
}

/** A read-only link to a report; `url` is relative to the engine (`/share/<id>.<signature>`). */
export interface ShareLink {
  id: string;
  url: string;
  /** What it opens: a job's report, or a collection's. */
  resource: { kind: 'job' | 'collection'; id: string };
  /** The client (token name) that made it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** What deleting a workspace deleted (its library people and share links go too). */
export interface WorkspaceDeleted {
  id: string;
  jobs: number;
  collections: number;
  tokens: number;
}

export interface Workspace {
  id: string;
  createdAt: string;
  /** Active tokens. */
  tokens: number;
  jobs: number;
}

export interface TokenInfo {
  name: string;
  /** The workspace the token sees and changes (and nothing else). */
  workspaceId: string;
  /** An admin token also manages workspaces and their tokens. */
  isAdmin: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ServiceStatus {
  version: string;
  queue: { mode: 'in-process' | 'redis'; waiting: number; active: number; failed: number; workers: number };
  jobs: { total: number };
}

export interface HistoryResponse {
  edits: Edit[];
}
