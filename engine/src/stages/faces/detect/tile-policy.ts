/**
 * When the detector may skip tiles. Tiles (six of the seven detector runs on a 720p frame) exist
 * for faces too small for the whole-frame view; within a shot such faces stay where they were.
 * So a sample runs every tile when the picture changed a lot since the previous sample (a cut,
 * a new scene), on every `fullScanEvery`-th sample (faces that walk in), and otherwise only the
 * tiles over the small faces of the previous sample. And when every tile would run, the whole view
 * runs first: a close-up (a face filling a good part of the picture) runs only the tiles over the
 * small faces the whole view glimpsed, with a full scan every `closeUpFullScanEvery`-th sample
 * (issue 12: cut-rich footage ran every tile at every cut). Pure.
 */
import type { Box } from '../../../../../shared/src/analysis.js';

type FrameBox = readonly [number, number, number, number];

export interface TilePolicyOptions {
  /** Run every tile on every n-th sample whatever happens (1 = always every tile). */
  fullScanEvery: number;
  /** Mean absolute difference of grey thumbnails (0..255) from which the picture counts as changed. */
  sceneChange: number;
  /** Grey thumbnail size used to compare consecutive samples. */
  thumbnailWidth: number;
  thumbnailHeight: number;
  /** A face whose box side is at least this share of the picture's height makes the picture a close-up. */
  closeUp: number;
  /** In a close-up, every tile still runs on every n-th sample (a multiple of fullScanEvery). */
  closeUpFullScanEvery: number;
}

export const DEFAULT_TILE_POLICY: TilePolicyOptions = {
  fullScanEvery: 4,
  sceneChange: 16,
  thumbnailWidth: 32,
  thumbnailHeight: 18,
  closeUp: 0.25,
  closeUpFullScanEvery: 16,
};

/** null: run every tile; otherwise only the tiles over these boxes. */
export function chooseTileFocus(sample: number, pictureChange: number | null, previousSmallFaces: readonly Box[], options: TilePolicyOptions): Box[] | null {
  if (options.fullScanEvery <= 1 || sample % options.fullScanEvery === 0) return null;
  if (pictureChange === null || pictureChange >= options.sceneChange) return null;
  return [...previousSmallFaces];
}

/**
 * After the whole view of a sample that would run every tile: null to run them all, or the boxes
 * whose tiles to run (the whole view's small faces) when the picture is a close-up.
 * @param smallFace box side (frame pixels) up to which a face may need the tiles
 */
export function narrowTilesForCloseUp(sample: number, wholeView: readonly FrameBox[], frameHeight: number, smallFace: number, options: TilePolicyOptions): FrameBox[] | null {
  if (options.closeUpFullScanEvery <= 1 || sample % options.closeUpFullScanEvery === 0) return null;
  const side = (b: FrameBox) => Math.max(b[2], b[3]);
  if (!wholeView.some((b) => side(b) >= options.closeUp * frameHeight)) return null;
  return wholeView.filter((b) => side(b) <= smallFace);
}

/** A small grey picture (nearest pixel at each cell's centre) to compare samples cheaply. */
export function greyThumbnail(rgb: Uint8Array, width: number, height: number, outWidth: number, outHeight: number): Uint8Array {
  const out = new Uint8Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const sy = Math.min(height - 1, Math.floor(((y + 0.5) * height) / outHeight));
    for (let x = 0; x < outWidth; x++) {
      const sx = Math.min(width - 1, Math.floor(((x + 0.5) * width) / outWidth));
      const p = (sy * width + sx) * 3;
      out[y * outWidth + x] = (rgb[p]! * 299 + rgb[p + 1]! * 587 + rgb[p + 2]! * 114) / 1000;
    }
  }
  return out;
}
