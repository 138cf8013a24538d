/**
 * The analysis contract: what `onscreen analyze` writes to `<dir>/analysis.json`,
 * what workers hand back to the API server, and what the report is computed from.
 * A stable contract: the CLI, the service, the evaluation and users' scripts build on it.
 */

import type { Known } from './library.js';
import type { YouTubeChannel } from './youtube-channel.js';

export const ANALYSIS_SCHEMA_VERSION = 1;

export type Gender = 'female' | 'male';
/** What a person (or the classifier's caller) may say about a cluster. */
export type Tag = 'female' | 'male' | 'unknown' | 'not-face';
export const TAGS: readonly Tag[] = ['female', 'male', 'unknown', 'not-face'];

/** [x, y, w, h] in source pixels (after rotation is applied). */
export type Box = [number, number, number, number];

export interface VideoInfo {
  /** Seconds. */
  duration: number;
  width: number;
  height: number;
  /** The video stream's own frame rate (frames per second), when known. */
  frameRate: number | null;
  /** Degrees the picture was rotated by to display upright (0, 90, 180, 270). */
  rotation: number;
  /** Where it came from: a file name or a URL; never a local path of the server. */
  source: string;
  title: string | null;
  /**
   * When the video was published, where the source says: a YouTube video's upload date, or a file's
   * creation time in its metadata. Absent when unknown (and in analyses written before it was added).
   */
  published?: { date: string; from: 'youtube' | 'file' };
  /** A YouTube video's channel, where YouTube says (absent otherwise, and in older analyses). */
  channel?: YouTubeChannel;
}

export type SetAsideReason = 'too-small' | 'low-quality' | 'not-face';

export interface Face {
  /** Index into `faces`. */
  id: number;
  /** Seconds: the presentation time of the frame actually decoded. */
  t: number;
  /** Index of the sample (frame) this face was seen in. */
  sample: number;
  box: Box;
  /** Detector confidence, 0..1. */
  score: number;
  /** Quality 0..1 (size, sharpness, pose): how well this face can be judged. */
  quality: number;
  /** Track id, or null for a face that was set aside before tracking. */
  track: number | null;
  /** Cluster id, or null for a face set aside. */
  cluster: number | null;
  setAside?: SetAsideReason;
}

export interface Track {
  id: number;
  /** Face ids in time order. */
  faces: number[];
  start: number;
  end: number;
  cluster: number | null;
  /** Probability that this track's person presents as female, from its best faces; null if unjudged. */
  female: number | null;
  /** Weight of the evidence behind `female` (sum of face qualities used). */
  genderWeight: number;
  /** The track's best face as a small JPEG, relative to the analysis folder. */
  thumbnail: string;
  /** Face id of the track's best face. */
  bestFace: number;
}

export interface Suggestion {
  gender: Gender;
  /** 0.5..1: how sure the classifier is. */
  confidence: number;
}

export interface Cluster {
  id: number;
  /** Face ids. */
  faces: number[];
  tracks: number[];
  /** Screen time of this person alone (samples × sample duration, extended to cuts). */
  seconds: number;
  suggestion: Suggestion | null;
  /** Contact sheet of the best faces, JPEG, relative to the analysis folder. */
  thumbnail: string;
  /** Face id of the single best face (for "show me" and small previews). */
  bestFace: number;
  /** A moment (seconds) where this person is clearly on screen. */
  showAt: number;
  /** The people-library person this cluster was recognised as; null when analysed with a library and nobody matched; absent without one. */
  known?: Known | null;
  /** Set when this person's faces fall into two groups that look less alike than usual: check it. */
  doubt?: Doubt;
}

/**
 * "Check: may be two people": the person's tracks fall into two groups whose faces look less alike
 * than one person's usually do. A person checks them side by side and splits in one click.
 */
export interface Doubt {
  reason: 'two-groups';
  /** Track ids of the two groups, the larger (more faces) first. */
  groups: [number[], number[]];
  /** Average embedding similarity between the two groups (cosine, lowered for poor faces; -1..1). */
  similarity: number;
}

export interface SamplingInfo {
  /** Samples per second requested. */
  fps: number;
  /** Presentation time of every sample analysed, seconds, ascending. */
  times: number[];
  /** Shot cuts found by the frames stage, seconds (time of the first frame of the new shot). */
  cuts: number[];
}

export interface SetAsideCounts {
  tooSmall: number;
  lowQuality: number;
  notFace: number;
}

export interface Analysis {
  schemaVersion: number;
  engine: { version: string; models: string[] };
  createdAt: string;
  options: AnalyzeOptions;
  video: VideoInfo;
  sampling: SamplingInfo;
  faces: Face[];
  tracks: Track[];
  clusters: Cluster[];
  setAside: SetAsideCounts;
  /**
   * What the sound says: absent in analyses written before speaking time was measured. A video
   * without a sound track, or with silence only, has `sound` 'none' or 'no-speech' and empty lists.
   */
  sound?: SoundInfo;
  /** Where someone speaks, in time order, and who: see `SpeechSegment`. Absent in older analyses. */
  speech?: SpeechSegment[];
  /** The voices heard, grouped: see `Voice`. Absent in older analyses. */
  voices?: Voice[];
  /** Seconds spent per stage, for the curious and for benchmarks. */
  timings: Record<string, number>;
}

export interface SoundInfo {
  /** 'none': no sound track (or an empty one); 'no-speech': sound, but no speech found in it; 'speech'. */
  status: 'none' | 'no-speech' | 'speech';
  /** Seconds of speech found (the union of `speech`). */
  speechSeconds: number;
}

/**
 * A stretch of speech and who is speaking in it. Segments do not overlap. `person` is the cluster
 * seen speaking (their mouth moves in step with the voice), or null when nobody seen is speaking
 * (a voice-over, someone off screen). A face in a still photo, or a listener whose lips move out
 * of step with the voice, is not the speaker.
 */
export interface SpeechSegment {
  start: number;
  end: number;
  /** Id of the voice heard (`voices[].id`), or null when the segment was too short to tell. */
  voice: string | null;
  /** Cluster id of the person seen speaking, or null (off screen). */
  person: number | null;
  /** How well the speaker's mouth motion followed the voice, 0..1; null when off screen. */
  confidence: number | null;
}

/** A voice's suggestion: a gender, or "not speech" for a music-like sound; never applied without a person. */
export interface VoiceSuggestion {
  gender: Gender | 'not-speech';
  /** 0.5..1, capped lower: pitch and held notes are weak cues. */
  confidence: number;
}

/** What a person may say about a voice: a gender, unknown, or "not speech" (music, singing, crowd). */
export type VoiceTag = 'female' | 'male' | 'unknown' | 'not-speech';
export const VOICE_TAGS: readonly VoiceTag[] = ['female', 'male', 'unknown', 'not-speech'];

/**
 * One voice: the speech segments that sound alike (pitch statistics and spectral features; no
 * speaker-embedding model is used). A voice heard while its person is seen speaking is linked to
 * that person and takes their tag; other voices are tagged by ear, from `sample`.
 */
export interface Voice {
  /** "v0", "v1", …: stable within the analysis. */
  id: string;
  /** Seconds of speech in this voice. */
  seconds: number;
  /** The cluster seen speaking with this voice, or null for a voice only heard off screen. */
  person: number | null;
  /**
   * A guess from pitch and spectrum, with its confidence; weak (see the report's definitions); null
   * when too little speech. `gender` is 'not-speech' when the sound is music-like (held notes):
   * analyses written before that have genders only.
   */
  suggestion: VoiceSuggestion | null;
  /** Median pitch of the voice's voiced frames, Hz; null when none were voiced. */
  pitchHz: number | null;
  /** Where the voice is first heard (seconds): "hear" seeks there. */
  firstAt: number;
  /** A short clip of the voice (a few seconds, AAC in .m4a), relative to the analysis folder; null if none was cut. */
  sample: string | null;
}

export interface AnalyzeOptions {
  /** Samples per second (default 2). */
  fps: number;
  /** Smallest face side to judge, in source pixels (default 20). */
  minFaceSize: number;
  /** Allow URLs that resolve to private, loopback or link-local addresses. */
  allowPrivateNetwork?: boolean;
}

export const DEFAULT_ANALYZE_OPTIONS: AnalyzeOptions = { fps: 2, minFaceSize: 20 };

/**
 * A tagging edit, as stored in the history beside the analysis. Edits made by one action of a
 * person (a split into several people) share a `group`, and one undo takes them all back.
 */
export type Edit = EditBody & {
  group?: string;
  /**
   * The person the client (`by`, the API token's name) acted for, when it said: a Slack user id
   * the bot vouches for, the extension's user. Checked by shared/src/actor.ts.
   */
  onBehalfOf?: string;
};

type EditBody =
  | { kind: 'tag'; cluster: number; tag: Tag; by: string; at: string }
  | { kind: 'merge'; into: number; from: number; by: string; at: string }
  | { kind: 'split'; cluster: number; tracks: number[]; newCluster: number; by: string; at: string }
  | { kind: 'accept-suggestions'; clusters: number[]; by: string; at: string }
  | { kind: 'name'; cluster: number; name: string; by: string; at: string }
  | { kind: 'not-known'; cluster: number; by: string; at: string }
  /** A voice tagged by ear (issue 14): it counts for this group, or is removed as "not speech". */
  | { kind: 'tag-voice'; voice: string; tag: VoiceTag; by: string; at: string }
  /**
   * Who speaks in [start, end] (seconds): the person seen speaking, or null for off screen. It
   * re-attributes the speech found in the span; it does not add speech where none was found.
   */
  | { kind: 'speaker'; start: number; end: number; person: number | null; by: string; at: string }
  | { kind: 'undo'; by: string; at: string }
  | { kind: 'redo'; by: string; at: string };

/** `tags.json`: the edit history beside `analysis.json`. The current state is derived from it. */
export interface TagFile {
  schemaVersion: number;
  edits: Edit[];
}

/**
 * Where a cluster's tag came from: a person chose it here, a person accepted the suggestion, or it
 * was recognised from the people library (a person tagged it in an earlier video).
 */
export type TagOrigin = 'person' | 'suggestion' | 'library';

/** A cluster as a person sees it after merges, splits and tags. */
export interface PersonView {
  id: number;
  tracks: number[];
  faces: number;
  seconds: number;
  suggestion: Suggestion | null;
  tag: Tag | null;
  tagOrigin: TagOrigin | null;
  /** The client that set the tag (an API token's name, or the CLI's user). */
  taggedBy: string | null;
  /** The person it acted for, if it said (see shared/src/actor.ts). */
  taggedOnBehalfOf: string | null;
  taggedAt: string | null;
  thumbnail: string;
  showAt: number;
  /** Ids of the analysis clusters this person is made of (after merges). */
  sourceClusters: number[];
  /** A name a person gave here, else the recognised library person's name. */
  name: string | null;
  /** The library person recognised (null when none, or after "not them"). */
  known: Known | null;
  /** When each of the person's tracks starts, in time order (seconds): "show me" steps through them. */
  appearances?: number[];
  /** The analysis's doubt, while the person is still exactly that cluster (gone once merged or split). */
  doubt?: Doubt;
  /** Seconds this person is seen speaking, after corrections; absent when the analysis has no speech. */
  speakingSeconds?: number;
}

/**
 * A voice as a person sees it after tags and speaker corrections (issue 14): the analysis's voice,
 * with `person` the person it is linked to after merges and splits, and its tags.
 */
export interface VoiceView extends Voice {
  /** The tag a person gave this voice, or null. */
  tag: VoiceTag | null;
  taggedBy: string | null;
  taggedOnBehalfOf: string | null;
  taggedAt: string | null;
  /** What the voice counts as: its own tag, else its linked person's tag; null when neither. */
  counts: VoiceTag | null;
  /** Where `counts` came from: the voice's own tag, or its linked person's. */
  countsFrom: 'voice' | 'person' | null;
}
