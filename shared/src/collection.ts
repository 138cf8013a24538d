/**
 * The collection contract: `collection.json`, a report across a body of work (a programme, a channel,
 * a month). Built from one small summary per analysis (`VideoSummary`), so a report over a thousand
 * videos never re-reads a thousand analysis folders.
 */
import type { Group } from './report.js';
import type { YouTubeChannel } from './youtube-channel.js';

export const COLLECTION_SCHEMA_VERSION = 1;

/** Where a video's date came from, so that a reader knows what "per month" means for it. */
export type DateSource = 'youtube-upload' | 'file-metadata' | 'given' | 'analysed';

export interface GroupTime {
  seconds: number;
  /** `seconds` over the duration (of the video, or of all videos summed for the total), 0..1. */
  share: number;
}

/** A person as one video's report sees them, with what links them across videos. */
export interface VideoPerson {
  /** The person's id within that analysis. */
  id: number;
  tag: 'female' | 'male' | 'unknown' | null;
  seconds: number;
  /** A name a person gave, or null. */
  name: string | null;
  /** The people-library person this one was recognised as (or added to), or null. */
  libraryPerson: string | null;
}

/** What a collection needs of one analysis: stored as a job finishes, or computed from its folder. */
export interface VideoSummary {
  /** The analysis' id (a job id, or the folder's path for the command line). */
  id: string;
  title: string | null;
  source: string;
  /** YYYY-MM-DD. */
  date: string;
  dateSource: DateSource;
  /** Seconds. */
  duration: number;
  screenTime: Record<Group, GroupTime>;
  /** The women's share's range (fractions of the duration), as in report.json. */
  femaleShareRange: { low: number; high: number };
  people: Record<Group, number> & { untagged: number };
  /** How complete the tagging is: people tagged by a person, suggestions accepted unchecked, untagged. */
  tagging: { byPerson: number; fromLibrary: number; acceptedSuggestion: number; untagged: number };
  persons: VideoPerson[];
  /** A YouTube video's channel, where YouTube said (absent in summaries written before). */
  channel?: YouTubeChannel;
}

export interface CollectionPerson {
  /** A stable key: `library:<id>`, `name:<name>`, or `<video id>#<person id>` for someone seen once. */
  key: string;
  name: string | null;
  gender: 'female' | 'male' | 'unknown' | null;
  seconds: number;
  /** Ids of the videos the person is in. */
  videos: string[];
}

export interface CollectionPeriod {
  /** `2026-W07` (ISO week) or `2026-02` (month). */
  period: string;
  /** First and last day of the period, YYYY-MM-DD. */
  from: string;
  to: string;
  videos: number;
  duration: number;
  screenTime: Record<Group, GroupTime>;
}

export interface CollectionReport {
  schemaVersion: number;
  generatedAt: string;
  name: string;
  periodKind: 'week' | 'month';
  /** In date order (oldest first). */
  videos: VideoSummary[];
  total: {
    videos: number;
    duration: number;
    screenTime: Record<Group, GroupTime>;
    /** Of the time women or men are on screen, the women's part (null if neither is). */
    femaleShareOfGendered: number | null;
    femaleShareRange: { low: number; high: number };
    people: Record<Group, number> & { untagged: number };
    /** How complete the tagging is, summed over the videos (people, as in each video's `tagging`). Absent in reports built before it was added. */
    tagging?: VideoSummary['tagging'];
  };
  /** Most seen first. A named or remembered person appears once. */
  people: CollectionPerson[];
  periods: CollectionPeriod[];
  /** Videos in the collection that are not in the figures yet: still analysing, or failed. */
  pending: Array<{ id: string; title: string | null; status: string }>;
  /** Videos of a playlist or channel that could not be analysed (private, deleted, live…). */
  skipped: Array<{ videoId: string; title: string | null; reason: string }>;
  /** How many videos took their date from each source. */
  dateSources: Partial<Record<DateSource, number>>;
  definitions: Record<string, string>;
}
