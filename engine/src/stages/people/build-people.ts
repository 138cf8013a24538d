/**
 * From linked faces to people: summarise each track (its look, its gender evidence, its best
 * face), set aside tracks that are not faces, cluster the rest, and describe each cluster.
 * Pure: thumbnails are drawn later by the caller from the best faces named here.
 */
import type { Cluster, Face, Track } from '../../../../shared/src/analysis.js';
import type { DetectedFace } from '../frames/frame.js';
import { meanDirection } from '../tracks/geometry.js';
import type { TrackedFaces } from '../tracks/face-tracker.js';
import { suggestGender } from './gender-suggestion.js';
import { findDoubts } from './merge-doubt.js';
import { clusterTracksWithMerges } from './track-clustering.js';

export interface PeopleOptions {
  /** Average embedding similarity above which tracks are one person (chosen on ../shared/eval, see docs). */
  clusterThreshold: number;
  /** See ClusteringOptions: similarity taken off pairs of poor-quality tracks. */
  lowQualityPenalty: number;
  goodQuality: number;
  /** See ClusteringOptions: the extra similarity a poorly seen track needs to join, more against a person with few faces. */
  weakMargin: number;
  fewFacesMargin: number;
  fewFaces: number;
  /** A person whose two halves are less alike than this is flagged "check: may be two people" (see merge-doubt.ts). */
  doubtSimilarity: number;
  /** ... or whose last merge passed the similarity it needed by less than this. */
  doubtMargin: number;
  /** Faces per track used for its look and gender: the best ones by quality. */
  bestFacesPerTrack: number;
  /** A track whose best detector score stays below this, with fewer than `minTrackFaces` faces, is not a face. */
  notFaceScore: number;
  minTrackFaces: number;
  /** Faces per contact sheet. */
  facesPerSheet: number;
}

export const DEFAULT_PEOPLE_OPTIONS: PeopleOptions = {
  // 0.27 until issue 12: two well-seen people (bench2/dev) were one person at 0.275; the lowest
  // right merge of well-seen tracks there is 0.45 (docs/evaluation.md, "Never merge two people").
  clusterThreshold: 0.3,
  lowQualityPenalty: 0.4,
  goodQuality: 0.6,
  // A poorly seen track joins above 0.35, and above 0.55 a person with fewer than 10 faces.
  weakMargin: 0.05,
  fewFacesMargin: 0.2,
  fewFaces: 10,
  doubtSimilarity: 0.4,
  doubtMargin: 0.05,
  bestFacesPerTrack: 8,
  notFaceScore: 0.9,
  minTrackFaces: 2,
  facesPerSheet: 6,
};

export interface People {
  faces: Face[];
  tracks: Track[];
  /** Clusters without `seconds` filled in (the caller knows the sample intervals). */
  clusters: Cluster[];
  /** For each cluster, the face ids for its contact sheet, best first. */
  sheetFaces: number[][];
  /** For a doubtful cluster, where its sheet passes from the first group's faces to the second's; else null. */
  sheetSplits: (number | null)[];
  notFaceTracks: number;
}

export function buildPeople(detected: readonly DetectedFace[], tracking: TrackedFaces, options: PeopleOptions = DEFAULT_PEOPLE_OPTIONS): People {
  const faces: Face[] = detected.map((d, id) => ({
    id,
    t: d.t,
    sample: d.sample,
    box: d.box,
    score: d.score,
    quality: d.quality,
    track: tracking.trackOf[id] ?? null,
    cluster: null,
    ...(d.setAside ? { setAside: d.setAside } : {}),
  }));

  const summaries = tracking.tracks.map((faceIds, id) => summariseTrack(id, faceIds, detected, options));
  let notFaceTracks = 0;
  const kept = summaries.filter((s) => {
    if (s.embedding && !isNotFace(s, detected, options)) return true;
    // A track with no embedded face (rare: embedding skipped on continuing faces) cannot be judged.
    const reason = s.embedding ? 'not-face' : 'low-quality';
    if (reason === 'not-face') notFaceTracks++;
    for (const f of s.faceIds) {
      faces[f]!.setAside = reason;
      faces[f]!.track = null;
    }
    return false;
  });

  const { labels, merges } = clusterTracksWithMerges(
    kept.map((s) => ({ embedding: s.embedding!, samples: s.samples, weight: Math.min(s.bestFaces.length, options.bestFacesPerTrack), quality: s.quality, faces: s.faceIds.length })),
    { ...options, threshold: options.clusterThreshold },
  );
  const doubts = findDoubts(merges, labels, kept.map((s) => s.faceIds.length), options);

  const tracks: Track[] = kept.map((s, k) => ({
    id: k,
    faces: s.faceIds,
    start: detected[s.faceIds[0]!]!.t,
    end: detected[s.faceIds.at(-1)!]!.t,
    cluster: labels[k]!,
    female: s.female,
    genderWeight: s.genderWeight,
    thumbnail: `thumbnails/track-${k}.jpg`,
    bestFace: s.bestFaces[0]!,
  }));
  for (const track of tracks) for (const f of track.faces) Object.assign(faces[f]!, { track: track.id, cluster: track.cluster });

  const clusterCount = labels.length === 0 ? 0 : Math.max(...labels) + 1;
  const clusters: Cluster[] = [];
  const sheetFaces: number[][] = [];
  const sheetSplits: (number | null)[] = [];
  const tracksOf: Track[][] = Array.from({ length: clusterCount }, () => []);
  for (const track of tracks) tracksOf[track.cluster!]!.push(track);
  for (let id = 0; id < clusterCount; id++) {
    const own = tracksOf[id]!;
    const best = pickSheetFaces(own.map((t) => kept[t.id]!.bestFaces), detected, options.facesPerSheet);
    const doubt = doubts[id];
    // A doubtful person's sheet shows the two groups side by side, half the faces each.
    const halves = doubt?.groups.map((group, g) =>
      pickSheetFaces(group.map((t) => kept[t]!.bestFaces), detected, g === 0 ? Math.ceil(options.facesPerSheet / 2) : Math.floor(options.facesPerSheet / 2)),
    );
    sheetFaces.push(halves ? halves.flat() : best);
    sheetSplits.push(halves ? halves[0]!.length : null);
    clusters.push({
      id,
      faces: own.flatMap((t) => t.faces).sort((a, b) => a - b),
      tracks: own.map((t) => t.id),
      seconds: 0,
      suggestion: suggestGender(own),
      thumbnail: `thumbnails/cluster-${id}.jpg`,
      bestFace: best[0]!,
      showAt: detected[best[0]!]!.t,
      ...(doubt ? { doubt } : {}),
    });
  }
  return { faces, tracks, clusters, sheetFaces, sheetSplits, notFaceTracks };
}

interface TrackSummary {
  faceIds: number[];
  samples: number[];
  /** Face ids by quality, best first (only faces with an embedding). */
  bestFaces: number[];
  embedding: Float32Array | null;
  /** Mean quality of the faces behind `embedding`. */
  quality: number;
  female: number | null;
  genderWeight: number;
  maxScore: number;
}

function summariseTrack(id: number, faceIds: number[], detected: readonly DetectedFace[], options: PeopleOptions): TrackSummary {
  void id;
  const judged = faceIds.filter((f) => detected[f]!.embedding !== null);
  const bestFaces = [...judged].sort((a, b) => detected[b]!.quality - detected[a]!.quality);
  const top = bestFaces.slice(0, options.bestFacesPerTrack);
  const embedding = top.length > 0 ? meanDirection(top.map((f) => detected[f]!.embedding!), top.map((f) => 0.1 + detected[f]!.quality)) : null;
  const { female, weight } = combineGender(top.map((f) => detected[f]!));
  return {
    faceIds,
    samples: faceIds.map((f) => detected[f]!.sample),
    bestFaces,
    embedding,
    quality: top.length > 0 ? top.reduce((sum, f) => sum + detected[f]!.quality, 0) / top.length : 0,
    female,
    genderWeight: weight,
    maxScore: Math.max(...faceIds.map((f) => detected[f]!.score)),
  };
}

/** Mean log-odds of the per-face female probabilities, weighted by quality. */
function combineGender(faces: readonly DetectedFace[]): { female: number | null; weight: number } {
  let sum = 0;
  let weight = 0;
  for (const face of faces) {
    if (face.female === null) continue;
    const p = Math.min(0.995, Math.max(0.005, face.female));
    sum += face.quality * Math.log(p / (1 - p));
    weight += face.quality;
  }
  if (weight === 0) return { female: null, weight: 0 };
  return { female: 1 / (1 + Math.exp(-sum / weight)), weight };
}

function isNotFace(track: TrackSummary, detected: readonly DetectedFace[], options: PeopleOptions): boolean {
  void detected;
  return track.faceIds.length < options.minTrackFaces && track.maxScore < options.notFaceScore;
}

/** Best faces across a cluster's tracks, taking from each track in turn so the sheet shows variety. */
function pickSheetFaces(perTrack: number[][], detected: readonly DetectedFace[], count: number): number[] {
  const queues = perTrack.map((q) => [...q]).sort((a, b) => detected[b[0]!]!.quality - detected[a[0]!]!.quality);
  const picked: number[] = [];
  while (picked.length < count && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const next = q.shift();
      if (next !== undefined && picked.length < count) picked.push(next);
    }
  }
  return picked;
}
