/**
 * Which faces need an embedding. Embedding is the costliest step per face (about 11 ms), and a
 * face that sits where a face sat one sample earlier is, within a shot, the same person: the
 * tracker links it by overlap alone. So such faces are embedded only on every `stride`-th
 * sample, which still gives every track several embedded faces for clustering. Pure.
 */
import type { Box } from '../../../../shared/src/analysis.js';
import { iou } from './geometry.js';

export interface EmbeddingPolicyOptions {
  /** Embed continuing faces on every stride-th sample (1 = embed every face). */
  stride: number;
  /** Overlap with a face of the previous sample that makes a face "continuing". */
  minIou: number;
}

export const DEFAULT_EMBEDDING_POLICY: EmbeddingPolicyOptions = { stride: 2, minIou: 0.5 };

export function shouldEmbedFace(box: Box, sample: number, previousBoxes: readonly Box[], options: EmbeddingPolicyOptions): boolean {
  if (options.stride <= 1 || sample % options.stride === 0) return true;
  return !previousBoxes.some((previous) => iou(previous, box) >= options.minIou);
}
