/**
 * Which faces to watch, and when, to see who is speaking: inside speech only, every track seen
 * whose mouth moved at all. Decoding again is the cost (a second pass over the video), so:
 * - a shot with one moving face is judged once, on its first `maxWatch` seconds of speech, and the
 *   judgement holds for all its speech (the same face, the same shot);
 * - with several moving faces, each piece is judged on its own first `maxWatch` seconds (in a
 *   two-shot the speakers may take turns);
 * - speech with no moving face on screen is not decoded at all.
 * What to decode: the watched parts, joined when close (one seek instead of two), cropped to their
 * faces. Pure.
 */
import type { Box } from '../../../../shared/src/analysis.js';
import type { Segment } from './speech-segments.js';
import { boxAt, isSeenDuring, type TrackPath } from './track-paths.js';

export interface WatchSettings {
  /** Seconds a track's box is held beyond its first and last sample (about the sampling interval). */
  reach: number;
  /** Seconds of each piece watched, from its start. */
  maxWatch: number;
  /** Spans closer than this (seconds) are decoded as one. */
  joinGap: number;
  /** Margin around the faces of a span, in face sizes (heads move). */
  margin: number;
  /**
   * Pixels wanted on a face's longer side: a span whose smallest face is bigger is scaled down to it
   * (the landmark crop is 64 pixels; decoding hands over fewer bytes). On heard/dev, 96 and 128 give the
   * same speakers as the region at 640 pixels, 96 a tenth faster than 128.
   */
  faceSide: number;
}

export const WATCH_SETTINGS: WatchSettings = { reach: 0.3, maxWatch: 4, joinGap: 1, margin: 0.3, faceSide: 96 };

export interface WatchSpan {
  start: number;
  end: number;
  /** The faces' part of the picture, in source pixels. */
  region: Box;
  /** The picture is scaled by at most this (1: source pixels): its smallest face keeps `faceSide` pixels. */
  maxScale: number;
}

export interface WatchPlan {
  /** The watched part of each piece (empty when judged with another piece). */
  windows: Segment[];
  /** For each piece, the piece whose judgement it shares (itself, or its shot's first piece). */
  groups: number[];
  /** For each piece, the tracks seen during it. */
  watched: TrackPath[][];
  /** What to decode, in time order. */
  spans: WatchSpan[];
}

export interface WatchTarget {
  piece: number;
  path: TrackPath;
  box: Box;
}

export function planMouthWatch(pieces: readonly Segment[], paths: readonly TrackPath[], picture: { width: number; height: number }, settings: WatchSettings = WATCH_SETTINGS): WatchPlan {
  // A still mouth (a photo) cannot be the speaker: it is not watched.
  const watched = pieces.map(([s, e]) => paths.filter((p) => !p.isStill && isSeenDuring(p, s, e, settings.reach)));
  const groups = pieces.map((_, i) => i);
  const windows = pieces.map(([s, e]): Segment => [s, Math.min(e, s + settings.maxWatch)]);
  let watchedInGroup = 0;
  pieces.forEach(([s, e], i) => {
    const previous = i - 1;
    const isSameFace = previous >= 0 && watched[i]!.length === 1 && watched[previous]!.length === 1 && watched[i]![0] === watched[previous]![0];
    if (!isSameFace) {
      watchedInGroup = windows[i]![1] - s;
      return;
    }
    groups[i] = groups[previous]!;
    const left = Math.max(0, settings.maxWatch - watchedInGroup);
    windows[i] = [s, Math.min(e, s + left)];
    watchedInGroup += windows[i]![1] - s;
  });
  const spans: WatchSpan[] = [];
  windows.forEach(([s, e], i) => {
    if (watched[i]!.length === 0 || e <= s) return;
    const { region, smallest } = regionOf(watched[i]!, s, e, picture, settings);
    const maxScale = Math.min(1, settings.faceSide / smallest);
    const last = spans.at(-1);
    if (last && s - last.end < settings.joinGap) spans[spans.length - 1] = { start: last.start, end: Math.max(last.end, e), region: union(last.region, region), maxScale: Math.max(last.maxScale, maxScale) };
    else spans.push({ start: s, end: e, region, maxScale });
  });
  return { windows, groups, watched, spans };
}

/** The faces to measure in a picture taken at `t`: none outside the watched speech. */
export function targetsAt(plan: WatchPlan, t: number, settings: WatchSettings = WATCH_SETTINGS): WatchTarget[] {
  const piece = pieceAt(plan.windows, t);
  if (piece < 0) return [];
  const targets: WatchTarget[] = [];
  for (const path of plan.watched[piece]!) {
    const box = boxAt(path, t, settings.reach);
    if (box) targets.push({ piece, path, box });
  }
  return targets;
}

/** Every box of these tracks between `start` and `end`, with a margin, inside the picture; and the smallest box's longer side. */
function regionOf(paths: readonly TrackPath[], start: number, end: number, picture: { width: number; height: number }, settings: WatchSettings): { region: Box; smallest: number } {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  let smallest = Infinity;
  for (const path of paths) {
    path.times.forEach((t, i) => {
      if (t < start - settings.reach - 1 || t > end + settings.reach + 1) return;
      const [x, y, w, h] = path.boxes[i]!;
      smallest = Math.min(smallest, Math.max(w, h));
      const m = Math.max(w, h) * settings.margin;
      [x1, y1, x2, y2] = [Math.min(x1, x - m), Math.min(y1, y - m), Math.max(x2, x + w + m), Math.max(y2, y + h + m)];
    });
  }
  if (!Number.isFinite(x1)) return { region: [0, 0, picture.width, picture.height], smallest: Infinity };
  [x1, y1] = [Math.max(0, x1), Math.max(0, y1)];
  [x2, y2] = [Math.min(picture.width, x2), Math.min(picture.height, y2)];
  return { region: [x1, y1, x2 - x1, y2 - y1], smallest };
}

function union(a: Box, b: Box): Box {
  const [x1, y1] = [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
  return [x1, y1, Math.max(a[0] + a[2], b[0] + b[2]) - x1, Math.max(a[1] + a[3], b[1] + b[3]) - y1];
}

/** Index of the window holding `t` (start inclusive, end exclusive), or -1. Windows are sorted and apart. */
function pieceAt(windows: readonly Segment[], t: number): number {
  let [lo, hi] = [0, windows.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = windows[mid]!;
    if (t < s) hi = mid - 1;
    else if (t >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}
