/**
 * How much similarity a merge needs (issue 12: never merge two people on weak evidence). A group of
 * tracks is as well seen as its best track; a poorly seen group joins another only on strong
 * similarity, and on stronger similarity still when the person it would join has few faces. Pure.
 */
import type { ClusteringOptions } from './track-clustering.js';

export interface TrackGroup {
  members: number[];
  /** Sum of the tracks' weights (average linkage). */
  weight: number;
  /** The best track's quality: a group is as well seen as its best track. */
  bestQuality: number;
  faces: number;
}

/**
 * The similarity two groups must exceed to merge: more where one is poorly seen, and more again
 * when the person it would join has few faces of its own (a blurred child's track once joined a
 * woman seen in 7 faces; issue 12).
 */
export function requiredSimilarity(x: TrackGroup, y: TrackGroup, options: ClusteringOptions): number {
  const [weak, other] = x.bestQuality <= y.bestQuality ? [x, y] : [y, x];
  if (weak.bestQuality >= options.goodQuality) return options.threshold;
  return options.threshold + options.weakMargin + (other.faces < options.fewFaces ? options.fewFacesMargin : 0);
}
