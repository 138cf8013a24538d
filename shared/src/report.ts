/**
 * The report contract: `report.json` (and what the API's report endpoint returns).
 * Every figure's definition is written into `definitions`, so a reader never has to guess.
 */

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
}

export interface PersonStat {
  id: number;
  tag: 'female' | 'male' | 'unknown' | null;
  seconds: number;
  share: number;
  faces: number;
  thumbnail: string;
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
  persons: PersonStat[];
  quality: {
    facesDetected: number;
    facesTooSmall: number;
    facesLowQuality: number;
    facesNotFace: number;
    clustersTaggedByPerson: number;
    clustersAcceptedSuggestion: number;
    clustersUntagged: number;
    clustersNotFace: number;
    /** People still flagged "check: may be two people" (not split or merged since). */
    clustersMayBeTwoPeople: number;
  };
  /** Plain-language definitions of each figure, keyed by field path. */
  definitions: Record<string, string>;
  charts: { share: string; timeline: string; persons: string };
}
