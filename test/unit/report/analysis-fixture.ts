/**
 * Hand-made analyses small enough to work out the answers on paper.
 * Samples are every 1/fps seconds from 0; each track lists the samples its face is seen in.
 */
import { ANALYSIS_SCHEMA_VERSION, type Analysis, type Box, type Cluster, type Face, type SetAsideReason, type Track } from '../../../shared/src/analysis.js';
import { suggestGender } from '../../../engine/src/stages/people/gender-suggestion.js';

export interface TrackSpec {
  samples: number[];
  female?: number | null;
  weight?: number;
  quality?: number;
  /** Face box side in pixels (square faces). */
  side?: number;
  setAside?: SetAsideReason;
}

export interface FixtureSpec {
  duration: number;
  fps?: number;
  cuts?: number[];
  width?: number;
  height?: number;
  /** One entry per cluster (ids 0, 1, 2 …), each a list of tracks. */
  clusters: TrackSpec[][];
}

export function makeAnalysis(spec: FixtureSpec): Analysis {
  const fps = spec.fps ?? 2;
  const times = Array.from({ length: Math.floor(spec.duration * fps - 1e-9) + 1 }, (_, i) => i / fps);
  const faces: Face[] = [];
  const tracks: Track[] = [];
  const clusters: Cluster[] = [];
  spec.clusters.forEach((trackSpecs, clusterId) => {
    const cluster: Cluster = { id: clusterId, faces: [], tracks: [], seconds: 0, suggestion: null, thumbnail: `thumbnails/cluster-${clusterId}.jpg`, bestFace: -1, showAt: 0 };
    for (const t of trackSpecs) {
      const track: Track = {
        id: tracks.length, faces: [], start: times[t.samples[0]!]!, end: times[t.samples.at(-1)!]!, cluster: clusterId,
        female: t.female ?? null, genderWeight: t.weight ?? (t.female == null ? 0 : 2), thumbnail: `thumbnails/track-${tracks.length}.jpg`, bestFace: -1,
      };
      t.samples.forEach((sample, k) => {
        const side = t.side ?? 100;
        const box: Box = [10, 10, side, side];
        const face: Face = {
          id: faces.length, t: times[sample]!, sample, box, score: 0.9, quality: (t.quality ?? 0.5) + k * 1e-3,
          track: track.id, cluster: t.setAside ? null : clusterId, ...(t.setAside ? { setAside: t.setAside } : {}),
        };
        faces.push(face);
        track.faces.push(face.id);
        if (!t.setAside) cluster.faces.push(face.id);
      });
      track.bestFace = track.faces.reduce((a, b) => (faces[b]!.quality > faces[a]!.quality ? b : a));
      tracks.push(track);
      cluster.tracks.push(track.id);
    }
    cluster.bestFace = cluster.faces.reduce((a, b) => (faces[b]!.quality > faces[a]!.quality ? b : a), cluster.faces[0] ?? -1);
    cluster.showAt = faces[cluster.bestFace]?.t ?? 0;
    cluster.suggestion = suggestGender(cluster.tracks.map((id) => tracks[id]!));
    clusters.push(cluster);
  });
  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    engine: { version: 'test', models: [] },
    createdAt: '2024-01-01T00:00:00.000Z',
    options: { fps, minFaceSize: 20 },
    video: { duration: spec.duration, width: spec.width ?? 640, height: spec.height ?? 360, frameRate: 25, rotation: 0, source: 'fixture.mp4', title: 'Fixture' },
    sampling: { fps, times, cuts: spec.cuts ?? [] },
    faces,
    tracks,
    clusters,
    setAside: {
      tooSmall: faces.filter((f) => f.setAside === 'too-small').length,
      lowQuality: faces.filter((f) => f.setAside === 'low-quality').length,
      notFace: faces.filter((f) => f.setAside === 'not-face').length,
    },
    timings: {},
  };
}

/** `count` consecutive sample indices from `first`. */
export function range(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
