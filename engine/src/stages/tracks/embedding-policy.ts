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
}

/**
 * Issue 12 measured sparser embedding on bench2/dev: one embedding per chain every 2 s (or 1 s),
 * plus the clearly better faces, took bench/dev from 220 to 111 (164) embeddings but flagged two
 * people who really are one ("check: may be two people", 0 before) and split a third; the flags
 * sit on thresholds that the mean of a track's best faces crosses when other faces are embedded.
 * So the default keeps the embedded set of before (every face of every other sample, every face
 * that starts a chain), plus the faces whose link is ambiguous; the other rules are off.
 */
export const DEFAULT_EMBEDDING_POLICY: EmbeddingPolicyOptions = { everySeconds: Infinity, stride: 2, minIou: 0.5, ambiguousIou: 0.1, betterBy: Infinity };

/** What the policy remembers of one face of the previous sample. */
export interface FaceChain {
  box: Box;
  /** Time of the chain's last embedded face. */
  embeddedAt: number;
  /** Quality of the chain's best embedded face. */
  bestQuality: number;
}

export interface EmbeddingPlan {
  embed: boolean;
  /** This face as the previous sample's face, for the next sample's decisions. */
  chain: FaceChain;
}

export function planEmbedding(face: { box: Box; t: number; quality: number; sample: number }, previous: readonly FaceChain[], options: EmbeddingPolicyOptions): EmbeddingPlan {
  const near = previous.filter((p) => iou(p.box, face.box) >= options.ambiguousIou);
  const continued = near.find((p) => iou(p.box, face.box) >= options.minIou);
  const isNeeded =
    options.everySeconds <= 0 ||
    (options.stride > 0 && face.sample % options.stride === 0) ||
    !continued ||
    near.length > 1 ||
    face.quality >= continued.bestQuality + options.betterBy ||
    face.t - continued.embeddedAt >= options.everySeconds - 1e-6;
  if (isNeeded) return { embed: true, chain: { box: face.box, embeddedAt: face.t, bestQuality: Math.max(continued?.bestQuality ?? 0, face.quality) } };
  return { embed: false, chain: { ...continued, box: face.box } };
}
