import type { Rect } from '../image/rgb-image.js';

export interface TilingOptions {
  /** The detector's fixed input size. */
  modelWidth: number;
  modelHeight: number;
  /** Smallest face (box side, model pixels) the detector finds reliably; measured ~24 for RFB-320. */
  reliableFaceSize: number;
  /** Smallest face side (source pixels) the tiles should make reliably detectable. */
  minFaceSize: number;
  /** Detector runs allowed per frame, whole frame included. */
  maxRuns: number;
}

/**
 * The views the detector runs on: the whole frame first (it finds the big faces, which tiles would cut),
 * then, when the frame is too large for `minFaceSize` at the whole-frame scale, a grid of overlapping tiles.
 * The overlap is the biggest face the tiles are responsible for (the smallest the whole view finds reliably),
 * so every face the whole view may miss lies entirely inside at least one tile.
 * Among grids within `maxRuns`, the one with the fewest tiles that reaches the target scale wins, else the finest.
 */
export interface DetectionViews {
  /** The whole frame first, then the tiles (if any). */
  views: Rect[];
  /** Source pixels: the biggest face the tiles are responsible for (also their overlap); bigger ones the whole view finds. */
  tileFaceLimit: number;
}

export function planDetectionViews(width: number, height: number, options: TilingOptions): DetectionViews {
  const { modelWidth, modelHeight, reliableFaceSize, minFaceSize, maxRuns } = options;
  const whole: Rect = { x: 0, y: 0, width, height };
  const wholeScale = Math.max(width / modelWidth, height / modelHeight);
  const targetScale = minFaceSize / reliableFaceSize;
  const overlap = Math.ceil(reliableFaceSize * wholeScale);
  const wholeOnly = { views: [whole], tileFaceLimit: 0 };
  if (wholeScale <= targetScale || maxRuns < 3) return wholeOnly;

  let best: { cols: number; rows: number; scale: number } | null = null;
  for (let cols = 1; cols < maxRuns; cols++) {
    for (let rows = 1; cols * rows < maxRuns; rows++) {
      if (cols * rows < 2) continue;
      const tileWidth = (width + (cols - 1) * overlap) / cols;
      const tileHeight = (height + (rows - 1) * overlap) / rows;
      if ((cols > 1 && tileWidth < 2 * overlap) || (rows > 1 && tileHeight < 2 * overlap)) continue;
      const scale = Math.max(tileWidth / modelWidth, tileHeight / modelHeight, targetScale);
      const isBetter = !best || scale < best.scale - 1e-9 || (Math.abs(scale - best.scale) < 1e-9 && cols * rows < best.cols * best.rows);
      if (isBetter) best = { cols, rows, scale };
    }
  }
  if (!best || best.scale >= wholeScale) return wholeOnly;
  return { views: [whole, ...layTiles(width, height, best.cols, best.rows, overlap)], tileFaceLimit: overlap };
}

function layTiles(width: number, height: number, cols: number, rows: number, overlap: number): Rect[] {
  const tileWidth = (width + (cols - 1) * overlap) / cols;
  const tileHeight = (height + (rows - 1) * overlap) / rows;
  const tiles: Rect[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      tiles.push({ x: c * (tileWidth - overlap), y: r * (tileHeight - overlap), width: tileWidth, height: tileHeight });
    }
  }
  return tiles;
}

type FrameBox = readonly [number, number, number, number];

/**
 * The tiles to run for faces known to be at these boxes (frame pixels [x, y, w, h]): for each, the
 * one tile that holds it whole, farthest from its edges (room to move before the next sample). A
 * face up to the tiles' overlap always lies whole in some tile; a bigger one across tile edges lies
 * whole in none, and a tile that cuts a face drops it (detector.ts `touchesInnerEdge`), so it gets
 * no tile: the whole view finds faces of that size. Tiles keep their order.
 */
export function tilesOver(tiles: readonly Rect[], boxes: readonly FrameBox[]): Rect[] {
  const chosen = new Set<Rect>();
  for (const box of boxes) {
    const clearance = (t: Rect) => Math.min(box[0] - t.x, box[1] - t.y, t.x + t.width - (box[0] + box[2]), t.y + t.height - (box[1] + box[3]));
    const best = tiles.reduce<Rect | null>((found, t) => (clearance(t) >= 0 && (!found || clearance(t) > clearance(found)) ? t : found), null);
    if (best) chosen.add(best);
  }
  return tiles.filter((t) => chosen.has(t));
}
