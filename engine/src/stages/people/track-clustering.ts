/**
 * Clusters tracks into people: agglomerative clustering with average linkage over track
 * embeddings, under the constraint that two tracks seen in the same sample are two people.
 * The number of people is found by the similarity threshold, not given. Pure.
 */
import { cosine } from '../tracks/geometry.js';
import { type TrackGroup, requiredSimilarity } from './merge-evidence.js';

export interface TrackForClustering {
  /** L2-normalised representative embedding (quality-weighted mean of its best faces). */
  embedding: Float32Array;
  /** Sample indices the track is seen in (sorted). */
  samples: readonly number[];
  /** Weight of the track in average linkage (e.g. number of good faces, capped). */
  weight: number;
  /** Mean quality (0..1) of the faces behind `embedding`. */
  quality: number;
  /** Faces in the track (its evidence, for the few-faces rule). Defaults to `weight`. */
  faces?: number;
}

export interface ClusteringOptions {
  /** Average similarity above which two groups of tracks are the same person. */
  threshold: number;
  /**
   * Small, blurred faces give embeddings that look alike whoever they are (two blurry audience
   * members scored 0.34 in the Hamilton clip, the same performer across shots 0.65). A pair whose
   * poorer track is below `goodQuality` has its similarity lowered by up to `lowQualityPenalty`.
   */
  lowQualityPenalty: number;
  goodQuality: number;
  /**
   * Strong evidence for weak tracks (issue 12): a group whose best track is below `goodQuality`
   * joins another only above `threshold + weakMargin`, and above `threshold + weakMargin +
   * fewFacesMargin` when the other group has fewer than `fewFaces` faces of its own. 0 turns it off.
   */
  weakMargin: number;
  fewFacesMargin: number;
  fewFaces: number;
}

/** One merge of the clustering: the two groups of tracks it joined and their average similarity. */
export interface TrackMerge {
  a: number[];
  b: number[];
  similarity: number;
  /** The similarity this merge had to exceed (the threshold, more on weak evidence). */
  required: number;
}

export interface TrackClustering {
  /** The cluster index of each track; clusters are numbered by first appearance. */
  labels: number[];
  /** Every merge, in order; a person's last one made it whole (see merge-doubt.ts). */
  merges: TrackMerge[];
}

const CANNOT_LINK = Number.NEGATIVE_INFINITY;

/** Returns the cluster index of each track; clusters are numbered by first appearance. */
export function clusterTracks(tracks: readonly TrackForClustering[], options: ClusteringOptions): number[] {
  return clusterTracksWithMerges(tracks, options).labels;
}

export function clusterTracksWithMerges(tracks: readonly TrackForClustering[], options: ClusteringOptions): TrackClustering {
  const n = tracks.length;
  const sim = buildSimilarity(tracks, options);
  const groups: TrackGroup[] = tracks.map((t, i) => ({ members: [i], weight: t.weight, bestQuality: t.quality, faces: t.faces ?? t.weight }));
  const alive = new Array<boolean>(n).fill(true);
  // `gated` is the similarity where the pair has the evidence to merge, else CANNOT_LINK; `sim` stays raw for the linkage.
  const gated = new Float64Array(n * n).fill(CANNOT_LINK);
  const gate = (i: number, j: number): void => {
    const s = sim[i * n + j]!;
    const g = s > requiredSimilarity(groups[i]!, groups[j]!, options) ? s : CANNOT_LINK;
    gated[i * n + j] = g;
    gated[j * n + i] = g;
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) gate(i, j);
  const best = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) best[i] = bestPartner(gated, alive, n, i);

  const merges: TrackMerge[] = [];
  for (;;) {
    let a = -1;
    let top = CANNOT_LINK;
    for (let i = 0; i < n; i++) {
      const j = best[i]!;
      if (!alive[i] || j < 0) continue;
      const s = gated[i * n + j]!;
      if (s > top) {
        top = s;
        a = i;
      }
    }
    if (a < 0) break;
    const b = best[a]!;
    merges.push({ a: [...groups[a]!.members], b: [...groups[b]!.members], similarity: top, required: requiredSimilarity(groups[a]!, groups[b]!, options) });
    mergeInto(sim, n, a, b, groups, alive);
    for (let k = 0; k < n; k++) if (alive[k] && k !== a) gate(a, k);
    best[a] = bestPartner(gated, alive, n, a);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a) continue;
      // Only pairs with `a` changed: a partner that was a or b is looked for again; otherwise `a` may now be the best.
      if (best[k] === a || best[k] === b) best[k] = bestPartner(gated, alive, n, k);
      else if (gated[k * n + a]! > (best[k]! >= 0 ? gated[k * n + best[k]!]! : CANNOT_LINK)) best[k] = a;
    }
  }
  return { labels: labelByFirstAppearance(groups.map((g, i) => (alive[i] ? g.members : [])), tracks), merges };
}

function buildSimilarity(tracks: readonly TrackForClustering[], options: ClusteringOptions): Float64Array {
  const n = tracks.length;
  const sim = new Float64Array(n * n).fill(CANNOT_LINK);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = shareASample(tracks[i]!.samples, tracks[j]!.samples)
        ? CANNOT_LINK
        : cosine(tracks[i]!.embedding, tracks[j]!.embedding) - qualityPenalty(tracks[i]!, tracks[j]!, options);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  return sim;
}

function qualityPenalty(a: TrackForClustering, b: TrackForClustering, options: ClusteringOptions): number {
  const poorer = Math.min(a.quality, b.quality);
  return (options.lowQualityPenalty * Math.max(0, options.goodQuality - poorer)) / options.goodQuality;
}

/** Lance–Williams update for average linkage; a cannot-link on either side stays a cannot-link. */
function mergeInto(sim: Float64Array, n: number, a: number, b: number, groups: TrackGroup[], alive: boolean[]): void {
  const ga = groups[a]!;
  const gb = groups[b]!;
  const wa = ga.weight;
  const wb = gb.weight;
  for (let k = 0; k < n; k++) {
    if (!alive[k] || k === a || k === b) continue;
    const sa = sim[a * n + k]!;
    const sb = sim[b * n + k]!;
    const s = sa === CANNOT_LINK || sb === CANNOT_LINK ? CANNOT_LINK : (wa * sa + wb * sb) / (wa + wb);
    sim[a * n + k] = s;
    sim[k * n + a] = s;
  }
  groups[a] = { members: [...ga.members, ...gb.members], weight: wa + wb, bestQuality: Math.max(ga.bestQuality, gb.bestQuality), faces: ga.faces + gb.faces };
  alive[b] = false;
}

function bestPartner(sim: Float64Array, alive: boolean[], n: number, i: number): number {
  let best = -1;
  let top = CANNOT_LINK;
  for (let j = 0; j < n; j++) {
    if (j === i || !alive[j]) continue;
    const s = sim[i * n + j]!;
    if (s > top) {
      top = s;
      best = j;
    }
  }
  return best;
}

export function shareASample(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}

function labelByFirstAppearance(members: number[][], tracks: readonly TrackForClustering[]): number[] {
  const groups = members.filter((m) => m.length > 0);
  const firstSample = (group: number[]) => Math.min(...group.map((t) => tracks[t]!.samples[0] ?? Infinity));
  groups.sort((x, y) => firstSample(x) - firstSample(y));
  const label = new Array<number>(tracks.length).fill(-1);
  groups.forEach((group, id) => group.forEach((t) => (label[t] = id)));
  return label;
}
