/**
 * The report contract: `report.json` (and what the API's report endpoint returns).
 * Every figure's definition is written into `definitions`, so a reader never has to guess.
 */

import type { TagOrigin } from './analysis.js';

export const REPORT_SCHEMA_VERSION = 1;

export type Group = 'female' | 'male' | 'unknown';
export const GROUPS: readonly Group[] = ['female', 'male', 'unknown'];

export interface ScreenTime {
  /** Seconds during which at least one person of this group is visible. */
  seconds: number;
  /** `seconds` as a fraction of the video's duration (0..1). */
  share: number;
  /** Sum over people of each person's visible seconds. */
  personSeconds: number;
  /** Screen time weighted by face size (each visible moment counts by the largest face's share of the frame area). */
  sizeWeightedSeconds: number;
}

export interface CoPresence {
  /** Seconds with women visible and no men. */
  womenOnly: number;
  menOnly: number;
  both: number;
  /** Seconds with no tagged woman or man visible (nobody, or only unknown). */
  neither: number;
  /** Seconds with no one tagged female, male or unknown visible. Optional: absent from reports written before it was added. */
  nobody?: number;
}

export interface TimelineBin {
  /** Start of the bin, seconds. */
  t: number;
  female: boolean;
  male: boolean;
  unknown: boolean;
  /** Whose speech is heard in the bin (same rule as being seen). Absent in reports without speaking time. */
  speaking?: Record<Group, boolean>;
}

/** Seconds of speech of one group, and their share of all speech (0..1). */
export interface SpeechShare {
  seconds: number;
  share: number;
}

/** Speech split by the tag of who speaks: the person seen speaking, or the off-screen voice. */
export type SpeechSplit = Record<Group | 'untagged', SpeechShare>;

export interface SpeakingTime {
  /** 'none': no sound track; 'no-speech': sound, but no speech found; 'speech'. */
  sound: 'none' | 'no-speech' | 'speech';
  /** Seconds of speech (voices tagged "not speech" removed). */
  total: number;
  female: SpeechShare;
  male: SpeechShare;
  unknown: SpeechShare;
  untagged: SpeechShare;
  /** The same split for speech whose speaker is seen, and for speech from off screen; each share is of all speech. */
  onScreen: SpeechSplit & { seconds: number };
  offScreen: SpeechSplit & { seconds: number };
  /** female / (female + male) seconds of speech; null when neither. */
  femaleShareOfGendered: number | null;
  /** Seconds removed as "not speech" (music, singing, crowd). */
  notSpeechSeconds: number;
}

export interface PersonStat {
  id: number;
  tag: 'female' | 'male' | 'unknown' | null;
  seconds: number;
  share: number;
  faces: number;
  thumbnail: string;
  /** Where the tag came from: tagged here (person), recognised from the people library, suggestion accepted; null when untagged. */
  tagOrigin: TagOrigin | null;
  /** A name a person gave, or the recognised library person's name. */
  name: string | null;
  /** Seconds this person is seen speaking. Absent in reports without speaking time. */
  speakingSeconds?: number;
}

export interface Report {
  schemaVersion: number;
  generatedAt: string;
  video: { duration: number; width: number; height: number; source: string; title: string | null };
  sampling: { fps: number; samples: number; cuts: number };
  screenTime: Record<Group, ScreenTime>;
  /** Of the time anyone tagged female or male is visible, the women's part: seconds(female) / (seconds(female) + seconds(male)). */
  femaleShareOfGendered: number | null;
  /**
   * A range for the women's share of the video's duration that reflects sampling
   * (each sample may be off by up to half a sample interval at a shot's edges) and the
   * clusters that are untagged or unknown (counted all as women, or none).
   */
  femaleShareRange: { low: number; high: number };
  people: Record<Group, number> & { untagged: number };
  coPresence: CoPresence;
  timeline: { binSeconds: number; bins: TimelineBin[] };
  /** Who is heard. Absent in reports of analyses made before speaking time was measured. */
  speakingTime?: SpeakingTime;
  persons: PersonStat[];
  quality: {
    facesDetected: number;
    facesTooSmall: number;
    facesLowQuality: number;
    facesNotFace: number;
    clustersTaggedByPerson: number;
    clustersAcceptedSuggestion: number;
    /** People whose tag was recognised from the people library and not changed here. */
    clustersRecognised: number;
    clustersUntagged: number;
    clustersNotFace: number;
    /** People still flagged "check: may be two people" (not split or merged since). */
    clustersMayBeTwoPeople: number;
  };
  /** Plain-language definitions of each figure, keyed by field path. */
  definitions: Record<string, string>;
  /** Chart images beside the report; `heard` ("Seen and heard") and `speaking` only with speaking time. */
  charts: { share: string; timeline: string; persons: string; heard?: string; speaking?: string };
}
