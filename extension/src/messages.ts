/**
 * The typed protocol between the extension's pages (content script, popup, options) and the
 * background worker, which alone talks to the engine. One entry per message: its payload and answer.
 */
import type { Tag, VoiceTag } from '../../shared/src/analysis.js';
import type { ChartName } from '../../shared/src/api/client.js';
import type { ChannelTotals, Collection, Job, PeopleResponse, ServiceStatus } from '../../shared/src/api/types.js';
import type { Report } from '../../shared/src/report.js';
import type { ErrorInfo } from './errors.js';
import type { Settings } from './settings.js';

/** People plus their thumbnails as data URLs (pages cannot fetch them: the token stays in the worker). */
export interface PeopleWithThumbnails extends PeopleResponse {
  thumbnails: Record<number, string>;
}

export interface VideoTab {
  tabId: number;
  videoId: string;
  url: string;
  title: string;
}

/** A channel's analysed videos so far, and its collection page (absolute), for the popup. */
export interface ChannelSoFar {
  totals: ChannelTotals;
  pageUrl: string | null;
}

/** A tab showing a playlist page, or a video played in a playlist. */
export interface PlaylistTab {
  listId: string;
  /** The playlist's own page, as the engine is given it. */
  url: string;
  title: string;
}

/** A playlist being analysed: its collection, each video's job, and the collection page (absolute). */
export interface PlaylistProgress {
  collection: Collection;
  jobs: Job[];
  pageUrl: string;
}

export interface MessageMap {
  analyze: { payload: { url: string; force?: boolean }; answer: Job };
  jobForVideo: { payload: { videoId: string }; answer: Job | null };
  refreshJob: { payload: { jobId: string }; answer: Job };
  recentJobs: { payload: Record<string, never>; answer: Job[] };
  people: { payload: { jobId: string }; answer: PeopleWithThumbnails };
  tag: { payload: { jobId: string; person: number; tag: Tag }; answer: PeopleWithThumbnails };
  merge: { payload: { jobId: string; into: number; from: number }; answer: PeopleWithThumbnails };
  /** Without tracks: one person per track; with tracks: those move to a new person ("may be two people"). */
  split: { payload: { jobId: string; person: number; tracks?: number[] }; answer: PeopleWithThumbnails };
  name: { payload: { jobId: string; person: number; name: string }; answer: PeopleWithThumbnails };
  notThem: { payload: { jobId: string; person: number }; answer: PeopleWithThumbnails };
  acceptSuggestions: { payload: { jobId: string }; answer: PeopleWithThumbnails };
  /** A voice heard off screen, tagged by ear (issue 14). */
  tagVoice: { payload: { jobId: string; voice: string; tag: VoiceTag }; answer: PeopleWithThumbnails };
  /** Who speaks from `start` to `end` seconds: a person, or null for off screen (issue 14). */
  correctSpeaker: { payload: { jobId: string; start: number; end: number; person: number | null }; answer: PeopleWithThumbnails };
  undo: { payload: { jobId: string }; answer: PeopleWithThumbnails };
  finish: { payload: { jobId: string }; answer: Job };
  report: { payload: { jobId: string }; answer: Report };
  /** The report's PNG charts as data URLs. */
  charts: { payload: { jobId: string }; answer: Partial<Record<ChartName, string>> };
  exportReport: { payload: { jobId: string; format: 'csv' | 'json' }; answer: { filename: string; type: string; text: string } };
  reportPageUrl: { payload: { jobId: string }; answer: string };
  currentVideo: { payload: Record<string, never>; answer: VideoTab | null };
  /** The totals of the channel of the video in that tab; null when it has none analysed (or no channel is seen). */
  channelTotals: { payload: { tabId: number }; answer: ChannelSoFar | null };
  currentPlaylist: { payload: Record<string, never>; answer: PlaylistTab | null };
  /** Starts one job per video of the playlist (the engine's from-youtube collection). */
  analysePlaylist: { payload: { listId: string }; answer: PlaylistProgress };
  /** The playlist's analysis started from this browser, or null if none was. */
  playlistProgress: { payload: { listId: string }; answer: PlaylistProgress | null };
  seek: { payload: { videoId: string; seconds: number }; answer: { tabId: number } };
  openTagging: { payload: { jobId: string }; answer: null };
  openOptions: { payload: Record<string, never>; answer: null };
  testConnection: { payload: Settings; answer: ServiceStatus };
}

export type MessageType = keyof MessageMap;
export type PayloadOf<K extends MessageType> = MessageMap[K]['payload'];
export type AnswerOf<K extends MessageType> = MessageMap[K]['answer'];

export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: PayloadOf<K>;
}

/** What the worker sends back: never a thrown error, which would lose its code on the way. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Messages the worker sends to a YouTube tab's content script. `readChannel` is answered with the owner link's href, or null. */
export type TabMessage = { type: 'seekTo'; seconds: number } | { type: 'readChannel' };

/** Job updates flow through storage; a page holds this port open to keep a job's live stream going. */
export const WATCH_PORT_PREFIX = 'watch-job:';

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function isTabMessage(value: unknown): value is TabMessage {
  if (!isMessage(value)) return false;
  const { type } = value as { type: string };
  return (type === 'seekTo' && typeof (value as { seconds?: unknown }).seconds === 'number') || type === 'readChannel';
}
