/** The face signatures of an analysis' tracks, with what recognition and exemplar choice need to know of each. */
import type { Analysis } from '../../../../shared/src/analysis.js';

export interface TrackSignature {
  track: number;
  vector: Float32Array;
  /** Mean quality of the track's best faces (0..1). */
  quality: number;
  /** The shot the track is in (index of the stretch between cuts). */
  shot: number;
  /** Samples the track is seen in: two people seen in one sample are two people. */
  samples: ReadonlySet<number>;
}

const BEST_FACES = 8;

/** Signatures of the given tracks that have a vector (an older analysis may have none). */
export function trackSignatures(analysis: Analysis, vectors: readonly Float32Array[], tracks: readonly number[]): TrackSignature[] {
  const out: TrackSignature[] = [];
  for (const id of tracks) {
    const track = analysis.tracks[id];
    const vector = vectors[id];
    if (!track || track.id !== id || !vector || vector.length === 0) continue;
    const qualities = track.faces.map((f) => analysis.faces[f]?.quality ?? 0).sort((a, b) => b - a).slice(0, BEST_FACES);
    out.push({
      track: id,
      vector,
      quality: qualities.reduce((a, b) => a + b, 0) / Math.max(1, qualities.length),
      shot: analysis.sampling.cuts.filter((cut) => cut <= track.start).length,
      samples: new Set(track.faces.map((f) => analysis.faces[f]?.sample ?? -1)),
    });
  }
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
