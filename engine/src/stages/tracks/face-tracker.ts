/**
 * Links faces across consecutive samples into tracks: one track is one person seen
 * continuously within one shot. A shot cut ends every track. Pure: faces in, tracks out.
 */
import type { DetectedFace } from '../frames/frame.js';
import { cosine, iou } from './geometry.js';

export interface TrackerOptions {
  /** Samples a track may miss (e.g. a blink of the detector) and still continue. */
  maxGap: number;
  /** Overlap that links two faces on its own, when embeddings are missing or unsure. */
  minIouAlone: number;
  /** Overlap needed together with a similar embedding. */
  minIouWithEmbedding: number;
  /** Embedding similarity that, with a little overlap, links two faces. */
  minSimilarity: number;
  /** Similarity below which two faces are never linked, however much they overlap (a cut we missed). */
  vetoSimilarity: number;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  maxGap: 2,
  minIouAlone: 0.5,
  minIouWithEmbedding: 0.1,
  minSimilarity: 0.35,
  vetoSimilarity: 0.1,
};

export interface TrackedFaces {
  /** For each input face (by its index in the flattened input), its track id or null if set aside. */
  trackOf: (number | null)[];
  /** Face indices per track, in time order. */
  tracks: number[][];
}

interface OpenTrack {
  id: number;
  last: DetectedFace;
  lastSample: number;
}

/**
 * @param faces every face of the video, in sample order (faces of one sample together)
 * @param sampleShot the shot number of each sample (from the cuts), so tracks never cross a cut
 */
export function linkFacesIntoTracks(
  faces: readonly DetectedFace[],
  sampleShot: readonly number[],
  options: TrackerOptions = DEFAULT_TRACKER_OPTIONS,
): TrackedFaces {
  const trackOf: (number | null)[] = faces.map(() => null);
  const tracks: number[][] = [];
  let open: OpenTrack[] = [];

  for (const sampleFaces of groupBySample(faces)) {
    const sample = faces[sampleFaces[0]!]!.sample;
    const shot = sampleShot[sample] ?? 0;
    open = open.filter((t) => sample - t.lastSample <= options.maxGap + 1 && sampleShot[t.lastSample] === shot);

    const candidates: { track: OpenTrack; face: number; score: number }[] = [];
    for (const faceIndex of sampleFaces) {
      const face = faces[faceIndex]!;
      if (face.setAside) continue;
      for (const track of open) {
        const score = scoreLink(track.last, face, options);
        if (score > 0) candidates.push({ track, face: faceIndex, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score);

    const usedTracks = new Set<number>();
    for (const { track, face } of candidates) {
      if (usedTracks.has(track.id) || trackOf[face] !== null) continue;
      usedTracks.add(track.id);
      trackOf[face] = track.id;
      tracks[track.id]!.push(face);
      track.last = faces[face]!;
      track.lastSample = sample;
    }
    for (const faceIndex of sampleFaces) {
      const face = faces[faceIndex]!;
      if (face.setAside || trackOf[faceIndex] !== null) continue;
      const id = tracks.length;
      tracks.push([faceIndex]);
      trackOf[faceIndex] = id;
      open.push({ id, last: face, lastSample: sample });
    }
  }
  return { trackOf, tracks };
}

/** How well a face continues a track (0 = not at all). Overlap counts most; the embedding confirms or vetoes. */
export function scoreLink(previous: DetectedFace, next: DetectedFace, options: TrackerOptions): number {
  const overlap = iou(previous.box, next.box);
  const similarity = previous.embedding && next.embedding ? cosine(previous.embedding, next.embedding) : null;
  if (similarity !== null && similarity < options.vetoSimilarity) return 0;
  if (overlap >= options.minIouAlone) return 1 + overlap + (similarity ?? 0);
  if (similarity !== null && overlap >= options.minIouWithEmbedding && similarity >= options.minSimilarity) {
    return overlap + similarity;
  }
  return 0;
}

function groupBySample(faces: readonly DetectedFace[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let currentSample = -1;
  faces.forEach((face, index) => {
    if (face.sample !== currentSample && current.length > 0) {
      groups.push(current);
      current = [];
    }
    if (face.sample < currentSample) throw new Error('linkFacesIntoTracks: faces must be in sample order');
    currentSample = face.sample;
    current.push(index);
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Shot number of each sample time: how many cuts lie at or before it. */
export function assignShots(sampleTimes: readonly number[], cuts: readonly number[]): number[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  let shot = 0;
  return sampleTimes.map((t) => {
    while (shot < sorted.length && sorted[shot]! <= t + 1e-6) shot++;
    return shot;
  });
}
