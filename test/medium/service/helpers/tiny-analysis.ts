/**
 * A small, consistent analysis made in code (three people, four tracks, ten seconds) for tests of
 * the service's own behaviour: HTTP, storage, tagging. The real pipeline is tested on real clips.
 */
import { createCanvas } from '@napi-rs/canvas';
import { ANALYSIS_SCHEMA_VERSION, type Analysis, type Cluster, type Face, type Track } from '../../../../shared/src/analysis.js';
import type { AnalysisResult } from '../../../../engine/src/contracts/analysis-result.js';

export interface PersonSpec {
  female: number | null;
  /** Sample ranges [from, to) of each track. */
  tracks: [number, number][];
}

const PEOPLE: PersonSpec[] = [
  { female: 0.9, tracks: [[0, 6], [10, 14]] },
  { female: 0.1, tracks: [[4, 12]] },
  { female: null, tracks: [[15, 18]] },
];

/** `people`: who is in it (default: the three above); sample ranges stay within the 20 samples. */
export function makeTinyAnalysis(source = 'tiny.mp4', people: readonly PersonSpec[] = PEOPLE): AnalysisResult {
  const times = Array.from({ length: 20 }, (_, i) => 0.25 + i * 0.5);
  const faces: Face[] = [];
  const tracks: Track[] = [];
  const clusters: Cluster[] = [];
  const thumbnails = new Map<string, Buffer>();
  people.forEach((person, clusterId) => {
    const trackIds: number[] = [];
    const faceIds: number[] = [];
    for (const [from, to] of person.tracks) {
      const trackId = tracks.length;
      const ids: number[] = [];
      for (let sample = from; sample < to; sample++) {
        const id = faces.length;
        faces.push({ id, t: times[sample]!, sample, box: [40 + clusterId * 100, 40, 60, 60], score: 0.95, quality: 0.8, track: trackId, cluster: clusterId });
        ids.push(id);
      }
      const thumbnail = `thumbnails/track-${trackId}.jpg`;
      thumbnails.set(thumbnail, makeJpeg(trackId));
      tracks.push({ id: trackId, faces: ids, start: times[from]!, end: times[to - 1]!, cluster: clusterId, female: person.female, genderWeight: person.female === null ? 0 : ids.length * 0.8, thumbnail, bestFace: ids[0]! });
      trackIds.push(trackId);
      faceIds.push(...ids);
    }
    const thumbnail = `thumbnails/person-${clusterId}.jpg`;
    thumbnails.set(thumbnail, makeJpeg(10 + clusterId));
    clusters.push({
      id: clusterId,
      faces: faceIds,
      tracks: trackIds,
      seconds: faceIds.length * 0.5,
      suggestion: person.female === null ? null : { gender: person.female >= 0.5 ? 'female' : 'male', confidence: Math.max(person.female, 1 - person.female) },
      thumbnail,
      bestFace: faceIds[0]!,
      showAt: faces[faceIds[0]!]!.t,
    });
  });
  const analysis: Analysis = {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    engine: { version: 'test', models: [] },
    createdAt: new Date().toISOString(),
    options: { fps: 2, minFaceSize: 20 },
    video: { duration: 10, width: 640, height: 360, frameRate: 25, rotation: 0, source, title: 'A tiny test video' },
    sampling: { fps: 2, times, cuts: [5] },
    faces,
    tracks,
    clusters,
    setAside: { tooSmall: 0, lowQuality: 0, notFace: 0 },
    timings: {},
  };
  return { analysis, thumbnails };
}

function makeJpeg(seed: number): Buffer {
  const canvas = createCanvas(32, 32);
  const context = canvas.getContext('2d');
  context.fillStyle = `hsl(${(seed * 47) % 360}, 60%, 50%)`;
  context.fillRect(0, 0, 32, 32);
  return canvas.toBuffer('image/jpeg');
}
