/**
 * Scores an analysis of ../shared/eval/bench/dev and bench2/dev against its frame-exact truth, as the
 * benchmarks' READMEs describe: each detected face is matched to the listed person whose box (or
 * rect) at that moment holds its centre or overlaps it; then clusters are compared with identities.
 */
import type { Analysis, Box, Tag } from '../../shared/src/analysis.js';
import { iou } from '../../engine/src/stages/tracks/geometry.js';
import { bcubed, clustersPerPerson } from './metrics.js';

interface TruthPerson {
  identity: string;
  gender: 'F' | 'M' | 'U';
  rect?: Box;
  box0?: Box;
  box1?: Box;
}

interface TruthShot {
  start_s: number;
  end_s: number;
  people: TruthPerson[];
  samples?: { start_s?: number; end_s?: number; people: TruthPerson[] }[];
}

export interface BenchTruth {
  width: number;
  height: number;
  duration_s: number;
  shots: TruthShot[];
  union: { any_woman_visible_s: number; any_man_visible_s: number };
}

export interface FaceMatch {
  face: number;
  /** Identity, 'FALSE' for a detection on nobody, or null for a face on a U person (not scored). */
  identity: string | null;
  gender: 'F' | 'M' | 'U' | null;
  /** The listed person whatever their gender (a U child or crowd too), or null for a detection on nobody. */
  person: string | null;
}

export function matchFaces(analysis: Analysis, truth: BenchTruth): FaceMatch[] {
  return analysis.faces.map((face) => {
    const shot = truth.shots.find((s) => face.t >= s.start_s && face.t < s.end_s);
    if (!shot) return { face: face.id, identity: 'FALSE', gender: null, person: null };
    const sample = shot.samples?.find((s) => s.start_s !== undefined && s.end_s !== undefined && face.t >= s.start_s && face.t < s.end_s);
    const people = sample?.people ?? shot.people;
    const progress = shot.end_s > shot.start_s ? (face.t - shot.start_s) / (shot.end_s - shot.start_s) : 0;
    const cx = face.box[0] + face.box[2] / 2;
    const cy = face.box[1] + face.box[3] / 2;
    let best: TruthPerson | null = null;
    let bestScore = 0;
    for (const person of people) {
      const box = person.box0 && person.box1 ? lerpBox(person.box0, person.box1, progress) : null;
      const area = person.rect ?? [0, 0, truth.width, truth.height];
      const overlap = box ? iou(box, face.box) : 0;
      const holds = box ? contains(box, cx, cy) : contains(area, cx, cy);
      const score = holds ? 1 + overlap : overlap >= 0.3 ? overlap : 0;
      if (score > bestScore) {
        bestScore = score;
        best = person;
      }
    }
    if (!best) return { face: face.id, identity: 'FALSE', gender: null, person: null };
    if (best.gender === 'U') return { face: face.id, identity: null, gender: 'U', person: best.identity };
    return { face: face.id, identity: best.identity, gender: best.gender, person: best.identity };
  });
}

export interface BenchScore {
  faces: number;
  matchedFaces: number;
  falseDetections: number;
  bcubedF: number;
  clustersPerPerson: number;
  identitiesFound: number;
  identitiesTotal: number;
  sameFrameCollisions: number;
  /** Tags a person would give, from the truth: a cluster's majority identity's gender. */
  truthTags: Map<number, Tag>;
}

export function scoreClusters(analysis: Analysis, truth: BenchTruth, matches: readonly FaceMatch[]): BenchScore {
  const scored = matches.filter((m) => m.identity !== null && m.identity !== 'FALSE' && analysis.faces[m.face]!.cluster !== null);
  const labels = scored.map((m) => m.identity!);
  const clusters = scored.map((m) => analysis.faces[m.face]!.cluster!);
  const b = bcubed(labels, clusters);

  const collisions = new Map<string, number>();
  for (const face of analysis.faces) {
    if (face.cluster === null) continue;
    const key = `${face.sample}:${face.cluster}`;
    collisions.set(key, (collisions.get(key) ?? 0) + 1);
  }
  const identitiesTotal = new Set(truth.shots.flatMap((s) => [...s.people, ...(s.samples?.flatMap((x) => x.people) ?? [])]).filter((p) => p.gender !== 'U').map((p) => p.identity)).size;
  return {
    faces: analysis.faces.length,
    matchedFaces: scored.length,
    falseDetections: matches.filter((m) => m.identity === 'FALSE').length,
    bcubedF: b.f,
    clustersPerPerson: clustersPerPerson(labels, clusters),
    identitiesFound: new Set(labels).size,
    identitiesTotal,
    sameFrameCollisions: [...collisions.values()].filter((n) => n > 1).length,
    truthTags: tagsFromTruth(analysis, matches),
  };
}

/** Each cluster tagged as a careful person would: by the gender of most of its faces; mostly false detections → not-face. */
function tagsFromTruth(analysis: Analysis, matches: readonly FaceMatch[]): Map<number, Tag> {
  const tags = new Map<number, Tag>();
  for (const cluster of analysis.clusters) {
    const counts = { F: 0, M: 0, U: 0, FALSE: 0 };
    for (const f of cluster.faces) {
      const m = matches[f]!;
      if (m.identity === 'FALSE') counts.FALSE++;
      else if (m.gender) counts[m.gender]++;
    }
    const top = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
    tags.set(cluster.id, top[0] === 'F' ? 'female' : top[0] === 'M' ? 'male' : top[0] === 'U' ? 'unknown' : 'not-face');
  }
  return tags;
}

function lerpBox(a: Box, b: Box, p: number): Box {
  return [0, 1, 2, 3].map((i) => a[i]! + (b[i]! - a[i]!) * p) as Box;
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box[0] && x <= box[0] + box[2] && y >= box[1] && y <= box[1] + box[3];
}
