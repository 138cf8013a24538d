/**
 * "Check: may be two people" (issue 12). A person's last merge joined its two halves, at their
 * average similarity (with average linkage, about the lowest of its merges). Where that is below
 * what one person's faces usually reach, or only just above what the merge needed (a poorly seen
 * track that barely had the evidence to join), the merge is doubtful: the person is flagged with the two
 * groups, for a human to compare side by side and split in one click. Pure.
 */
import type { Doubt } from '../../../../shared/src/analysis.js';
import type { TrackMerge } from './track-clustering.js';

export interface DoubtOptions {
  /** A person whose last merge was below this similarity is flagged. */
  doubtSimilarity: number;
  /** ... or within this of the similarity that merge needed (a poorly seen track that only just joined). */
  doubtMargin: number;
}

/**
 * The doubt of each cluster, or undefined. `labels` gives each track's cluster and `faces` each
 * track's face count (to put the larger group first).
 */
export function findDoubts(merges: readonly TrackMerge[], labels: readonly number[], faces: readonly number[], options: DoubtOptions): (Doubt | undefined)[] {
  const clusterCount = labels.length === 0 ? 0 : Math.max(...labels) + 1;
  const doubts: (Doubt | undefined)[] = new Array<Doubt | undefined>(clusterCount).fill(undefined);
  const last = new Map<number, TrackMerge>();
  for (const merge of merges) last.set(labels[merge.a[0]!]!, merge);
  for (const [cluster, merge] of last) {
    if (merge.similarity >= Math.max(options.doubtSimilarity, merge.required + options.doubtMargin)) continue;
    const count = (group: readonly number[]) => group.reduce((sum, t) => sum + (faces[t] ?? 0), 0);
    const [big, small] = count(merge.a) >= count(merge.b) ? [merge.a, merge.b] : [merge.b, merge.a];
    doubts[cluster] = { reason: 'two-groups', groups: [sorted(big), sorted(small)], similarity: round(merge.similarity) };
  }
  return doubts;
}

function sorted(tracks: readonly number[]): number[] {
  return [...tracks].sort((x, y) => x - y);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
