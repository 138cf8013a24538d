/**
 * Which faces need an embedding. Embedding is the costliest step per face, and within a shot a face
 * that sits where a face sat one sample earlier is the same person: the tracker links it by overlap
 * alone (tracks/face-tracker.ts, `minIouAlone`). So a face is embedded when it starts a chain of
 * such faces, when its link is ambiguous (it overlaps two faces of the previous sample), and on
 * every `stride`-th sample; optionally (issue 12; off by default, see below) also when it is clearly
 * better seen than any embedded so far in its chain, or when its chain's last embedding is
 * `everySeconds` old. Pure: the chains of one sample go in, the next sample's come out.
 */
import type { Box } from '../../../../shared/src/analysis.js';
import { iou } from './geometry.js';

export interface EmbeddingPolicyOptions {
  /** A continuing face is embedded at least this often (seconds of video); 0 embeds every face, Infinity turns the rule off. */
  everySeconds: number;
  /** Every face of every stride-th sample is embedded (0: none by this rule). */
  stride: number;
  /** Overlap with a face of the previous sample that makes a face "continuing". */
  minIou: number;
  /** Overlap with a second face of the previous sample that makes the link ambiguous (embed to decide). */
  ambiguousIou: number;
  /** Quality above the chain's best embedded face that earns a face its own embedding (Infinity: off). */
  betterBy: number;
  /**
   * A continuing face due for an embedding by the rules above gets one only when its quality enters
   * its chain's `topK` best embedded so far (0: off). A track's look and gender come from its best
   * embedded faces (people/build-people.ts, `bestFacesPerTrack`), so with `topK` = that count the
   * faces left out could not have changed them: the track's look is the same as without the filter.
   */
  topK: number;
  /** Picture change since the previous sample (grey thumbnails, see frames/cut-detector.ts) from which a chain's best faces start afresh for `topK` (a cut may lie between). */
  freshChange: number;
}

/**
 * Issue 12 measured sparser embedding on bench2/dev: one embedding per chain every 2 s (or 1 s),
 * plus the clearly better faces, took bench/dev from 220 to 111 (164) embeddings but flagged two
 * people who really are one ("check: may be two people", 0 before) and split a third; the flags
 * sit on thresholds that the mean of a track's best faces crosses when other faces are embedded.
 * So the default keeps the embedded set of before (every face of every other sample, every face
 * that starts a chain), plus the faces whose link is ambiguous; the other rules are off.
 *
 * `topK` (off) was measured too, replayed on every face's embedding (`scripts/eval/tune.ts --all`):
 * on the faces of every other sample it keeps each track's look exactly, but saves almost nothing
 * (bench/dev 219 → 218 embeddings, bench2/dev 441 → 441, with the best restarted after a change of
 * 16, as a cut needs; 211 and 439 without), because few chains have 8 such faces between big
 * changes. On every face it embeds more than now (288 and 652), and embedding every face does not
 * keep the figures either: bench2/dev gets a "may be two people" flag on one person and one more
 * wrong suggestion. A smaller k (4, 3, 2) split one more person on bench2/dev (37 clusters, not 36).
 */
export const DEFAULT_EMBEDDING_POLICY: EmbeddingPolicyOptions = { everySeconds: Infinity, stride: 2, minIou: 0.5, ambiguousIou: 0.1, betterBy: Infinity, topK: 0, freshChange: Infinity };

/** What the policy remembers of one face of the previous sample. */
export interface FaceChain {
  box: Box;
  /** Time of the chain's last embedded face. */
  embeddedAt: number;
  /** Quality of the chain's best embedded face. */
  bestQuality: number;
  /** Qualities of the chain's best embedded faces, best first, at most `topK`. */
  top?: readonly number[];
}

/** What the policy sees of the sample around a face. */
export interface SampleContext {
  /** Boxes of the sample's faces that may be embedded (this one included). */
  boxes: readonly Box[];
  /** Picture change since the previous sample, null for the first. */
  change: number | null;
}

export interface EmbeddingPlan {
  embed: boolean;
  /** This face as the previous sample's face, for the next sample's decisions. */
  chain: FaceChain;
}

export function planEmbedding(
  face: { box: Box; t: number; quality: number; sample: number },
  previous: readonly FaceChain[],
  options: EmbeddingPolicyOptions,
  context: SampleContext = { boxes: [face.box], change: null },
): EmbeddingPlan {
  const near = previous.filter((p) => iou(p.box, face.box) >= options.ambiguousIou);
  const continued = near.find((p) => iou(p.box, face.box) >= options.minIou);
  // Two faces of this sample near one chain: the tracker gives the chain to one of them only.
  const isShared = continued !== undefined && context.boxes.filter((b) => iou(continued.box, b) >= options.ambiguousIou).length > 1;
  const isFresh = !continued || near.length > 1 || (options.topK > 0 && isShared);
  const isDue =
    options.everySeconds <= 0 ||
    (options.stride > 0 && face.sample % options.stride === 0) ||
    (continued !== undefined && (face.quality >= continued.bestQuality + options.betterBy || face.t - continued.embeddedAt >= options.everySeconds - 1e-6));
  // With topK, a face due by the rules above is embedded only if it can change its track's look.
  // After a big change of picture a cut may lie between, and the face may be someone else's: its chain's best start afresh.
  const isAfterChange = context.change !== null && context.change >= options.freshChange;
  const best = continued && !isShared && near.length === 1 && !isAfterChange ? (continued.top ?? []) : [];
  const isNeeded = isFresh || (isDue && (options.topK <= 0 || entersTop(best, face.quality, options.topK)));
  if (!isNeeded) return { embed: false, chain: { ...continued!, box: face.box, ...(isAfterChange ? { top: best } : {}) } };
  const top = options.topK > 0 ? withQuality(best, face.quality, options.topK) : [];
  return { embed: true, chain: { box: face.box, embeddedAt: face.t, bestQuality: Math.max(continued?.bestQuality ?? 0, face.quality), ...(options.topK > 0 ? { top } : {}) } };
}

/** Whether a face of this quality would be among the `k` best of a chain whose best are `top` (ties go to the earlier face). */
export function entersTop(top: readonly number[], quality: number, k: number): boolean {
  return top.length < k || quality > top[k - 1]!;
}

function withQuality(top: readonly number[], quality: number, k: number): number[] {
  return [...top, quality].sort((a, b) => b - a).slice(0, k);
}
