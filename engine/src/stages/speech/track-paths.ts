/**
 * Where a tracked face is between the samples it was seen in: its box interpolated in time, so the
 * mouth can be watched more often than faces were detected (no detector run). Pure.
 */
import type { Box } from '../../../../shared/src/analysis.js';

export interface TrackPath {
  track: number;
  /** The person (cluster) the track belongs to; null for a track set aside. */
  person: number | null;
  /** Sample times, ascending, and the face's box at each. */
  times: number[];
  boxes: Box[];
  /** The shot the track is in, [start, end) seconds: a box is never held across a cut. */
  shot: [number, number];
}

/** Each track's faces as a path (faces in time order), within its shot (`cuts`: seconds, ascending). */
export function trackPaths(
  tracks: readonly { id: number; faces: readonly number[]; cluster: number | null }[],
  faces: readonly { t: number; box: Box }[],
  cuts: readonly number[],
): TrackPath[] {
  return tracks.map((track) => {
    const seen = track.faces.map((f) => faces[f]!).sort((a, b) => a.t - b.t);
    const first = seen[0]?.t ?? 0;
    const shot: [number, number] = [cuts.filter((c) => c <= first).at(-1) ?? 0, cuts.find((c) => c > first) ?? Infinity];
    return { track: track.id, person: track.cluster, times: seen.map((f) => f.t), boxes: seen.map((f) => f.box), shot };
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
