/** Look-ups over one analysis that the people and report stages need again and again. */
import type { Analysis, Cluster, Face, Track } from '../../../../shared/src/analysis.js';
import { type Interval, sampleIntervals } from './sample-intervals.js';

export interface AnalysisIndex {
  tracks: Map<number, Track>;
  clusters: Map<number, Cluster>;
  /** The analysis cluster each clustered track was put in. */
  clusterOfTrack: Map<number, number>;
  /** What stretch of the video each sample stands for (by sample index). */
  intervals: Interval[];
}

export function indexAnalysis(analysis: Analysis): AnalysisIndex {
  const clusterOfTrack = new Map<number, number>();
  for (const cluster of analysis.clusters) for (const track of cluster.tracks) clusterOfTrack.set(track, cluster.id);
  return {
    tracks: new Map(analysis.tracks.map((t) => [t.id, t])),
    clusters: new Map(analysis.clusters.map((c) => [c.id, c])),
    clusterOfTrack,
    intervals: sampleIntervals(analysis.sampling.times, analysis.sampling.cuts, analysis.video.duration),
  };
}

/** The faces of these tracks that count as someone on screen: faces set aside never count. */
export function countedFaces(analysis: Analysis, index: AnalysisIndex, trackIds: readonly number[]): Face[] {
  const faces: Face[] = [];
  for (const trackId of trackIds) {
    for (const faceId of index.tracks.get(trackId)?.faces ?? []) {
      const face = analysis.faces[faceId];
      if (face && !face.setAside) faces.push(face);
    }
  }
  return faces;
}
