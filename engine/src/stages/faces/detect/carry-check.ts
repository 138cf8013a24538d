/**
 * Whether a box carried forward (redetect-policy.ts) still holds its face, and where that face is
 * now. A carried box is the previous sample's: when the face moved a little, the landmark crop is
 * off centre and the landmarks, quality and embedding suffer; when it moved more, the box holds
 * half a face or none. The 68 points found in the carried box say where the face is now: their
 * centre moved by (dx, dy) and their spread changed by `scale` since the sample the box came from.
 * A small move is followed (the box moves with the points, the points are located again in it);
 * a large one, a face set aside, or one not seen well (before or now), sends the sample back to the
 * detector. Pure.
 */
export type FrameBox = readonly [number, number, number, number];

export interface CarryCheckOptions {
  /** From this move (share of the box side, or change of scale) the box follows the points and they are located again. */
  refitFrom: number;
  /** Beyond this move (share of the box side) the face is not where it was: detect again. */
  maxShift: number;
  /** Beyond this change of the points' spread (ratio, either way): detect again. */
  maxScale: number;
  /** A quality lower than the face had by more than this: detect again. */
  maxQualityDrop: number;
  /**
   * Only faces seen at least this well, before and now, are carried. The detector's boxes of poorly
   * seen faces jump from sample to sample; a carried one then overlaps the next detection too little
   * to be linked by overlap, and the face may start a new person (bench2/dev, a face of quality 0.67).
   */
  minQuality: number;
}

export const DEFAULT_CARRY_CHECK: CarryCheckOptions = { refitFrom: 0.02, maxShift: 0.25, maxScale: 1.2, maxQualityDrop: 0.1, minQuality: 0.8 };

export interface LandmarkMotion {
  /** Centre of the points before. */
  cx: number;
  cy: number;
  dx: number;
  dy: number;
  /** Spread now over spread before. */
  scale: number;
}

/** How a set of points moved: centre shift and spread ratio (root mean square distance to the centre). */
export function landmarkMotion(before: Float32Array, now: Float32Array): LandmarkMotion {
  const a = centreAndSpread(before);
  const b = centreAndSpread(now);
  return { cx: a.x, cy: a.y, dx: b.x - a.x, dy: b.y - a.y, scale: a.spread > 0 ? b.spread / a.spread : 1 };
}

/** The box moved with the points: scaled about their old centre, then shifted. */
export function moveBox(box: FrameBox, m: LandmarkMotion): [number, number, number, number] {
  const x = m.cx + m.dx + (box[0] - m.cx) * m.scale;
  const y = m.cy + m.dy + (box[1] - m.cy) * m.scale;
  return [x, y, box[2] * m.scale, box[3] * m.scale];
}

/** How far the points moved, as a share of the box's longer side, with the change of scale counted as a move too. */
export function moveOf(box: FrameBox, m: LandmarkMotion): number {
  return Math.max(Math.hypot(m.dx, m.dy) / Math.max(box[2], box[3], 1), Math.abs(m.scale - 1));
}

export type CarryVerdict = 'holds' | 'follow' | 'lost';

/** From the points found in the carried box: keep it, follow the face (move the box, locate again), or detect again. */
export function judgeMotion(box: FrameBox, m: LandmarkMotion, options: CarryCheckOptions): CarryVerdict {
  if (Math.hypot(m.dx, m.dy) > options.maxShift * Math.max(box[2], box[3], 1)) return 'lost';
  if (m.scale > options.maxScale || m.scale < 1 / options.maxScale) return 'lost';
  return moveOf(box, m) >= options.refitFrom ? 'follow' : 'holds';
}

export interface FaceState {
  quality: number;
  /** Set aside (too small, poorly seen, not a face): such boxes flicker from sample to sample and are not carried. */
  isSetAside: boolean;
}

/** The carried face is a well-seen face, as it was: not set aside, seen well enough, and no clear loss of quality. */
export function stillTheFace(before: FaceState, now: FaceState, options: CarryCheckOptions): boolean {
  if (before.isSetAside || now.isSetAside || before.quality < options.minQuality) return false;
  return now.quality >= Math.max(options.minQuality, before.quality - options.maxQualityDrop);
}

/** Whether a face of the previous sample may be carried at all: one with its points, not set aside, seen well enough. Checked before any model runs. */
export function isCarriable(face: { landmarks?: Float32Array | null; quality?: number; setAside?: string }, options: CarryCheckOptions): boolean {
  return !!face.landmarks && face.quality !== undefined && face.quality >= options.minQuality && face.setAside === undefined;
}

function centreAndSpread(points: Float32Array): { x: number; y: number; spread: number } {
  const n = points.length / 2;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += points[2 * i]!;
    y += points[2 * i + 1]!;
  }
  x /= n;
  y /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (points[2 * i]! - x) ** 2 + (points[2 * i + 1]! - y) ** 2;
  return { x, y, spread: Math.sqrt(sum / n) };
}
