/**
 * Where a tracked face is between the samples it was seen in: its box interpolated in time, so the
 * mouth can be watched more often than faces were detected (no detector run). Pure.
 */
import type { Box } from '../../../../shared/src/analysis.js';
import { mouthMotion, mouthOpening } from './mouth-opening.js';

/**
 * A mouth whose opening varies less than this (spread, in jaw widths) over a track's samples is
 * still. On heard/dev at 2 samples a second: photos 0 and 0.003, talking heads 0.023-0.057, a
 * muted talking head 0.021.
 */
export const STILL_BELOW = 0.008;

export interface TrackPath {
  track: number;
  /** The person (cluster) the track belongs to; null for a track set aside. */
  person: number | null;
  /** Sample times, ascending, and the face's box at each. */
  times: number[];
  boxes: Box[];
  /** The shot the track is in, [start, end) seconds: a box is never held across a cut. */
  shot: [number, number];
  /**
   * The mouth did not move over the track's own samples (a face in a photo): it is not watched.
   * Judged from the landmarks the faces stage found; false when too few samples had them.
   */
  isStill: boolean;
}

/**
 * Each track's faces as a path (faces in time order), within its shot (`cuts`: seconds, ascending).
 * `landmarks` gives a face's 68 points as the faces stage found them (null when it has none).
 */
export function trackPaths(
  tracks: readonly { id: number; faces: readonly number[]; cluster: number | null }[],
  faces: readonly { t: number; box: Box }[],
  cuts: readonly number[],
  landmarks: (face: number) => ArrayLike<number> | null = () => null,
): TrackPath[] {
  return tracks.map((track) => {
    const ids = [...track.faces].sort((a, b) => faces[a]!.t - faces[b]!.t);
    const seen = ids.map((f) => faces[f]!);
    const first = seen[0]?.t ?? 0;
    const shot: [number, number] = [cuts.filter((c) => c <= first).at(-1) ?? 0, cuts.find((c) => c > first) ?? Infinity];
    const openings = ids.flatMap((f) => {
      const points = landmarks(f);
      // Measured against the jaw's width (points 0 and 16), in the landmarks' own pixels.
      return points ? [mouthOpening(points, Math.hypot(points[32]! - points[0]!, points[33]! - points[1]!))] : [];
    });
    const isStill = openings.length >= 3 && mouthMotion(openings) < STILL_BELOW;
    return { track: track.id, person: track.cluster, times: seen.map((f) => f.t), boxes: seen.map((f) => f.box), shot, isStill };
  });
}


/**
 * The box at `t`: linear between the two samples around it; the first or last box up to `reach`
 * seconds beyond the track's ends; null further out (the face may be gone).
 */
export function boxAt(path: TrackPath, t: number, reach: number): Box | null {
  const { times, boxes } = path;
  if (times.length === 0 || t < times[0]! - reach || t > times.at(-1)! + reach || t < path.shot[0] || t >= path.shot[1]) return null;
  if (t <= times[0]!) return boxes[0]!;
  if (t >= times.at(-1)!) return boxes.at(-1)!;
  let i = 1;
  while (times[i]! < t) i++;
  const [t0, t1] = [times[i - 1]!, times[i]!];
  const p = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
  const [a, b] = [boxes[i - 1]!, boxes[i]!];
  return [0, 1, 2, 3].map((k) => a[k]! + (b[k]! - a[k]!) * p) as Box;
}

/** Whether the path is seen at some moment of [start, end] (its ends stretched by `reach`). */
export function isSeenDuring(path: TrackPath, start: number, end: number, reach: number): boolean {
  if (path.times.length === 0) return false;
  const from = Math.max(path.times[0]! - reach, path.shot[0]);
  const until = Math.min(path.times.at(-1)! + reach, path.shot[1]);
  return from < end && until > start;
}
