/**
 * When the detector may skip tiles. Tiles (six of the seven detector runs on a 720p frame) exist
 * for faces too small for the whole-frame view; within a shot such faces stay where they were.
 * So a sample runs every tile when the picture changed a lot since the previous sample (a cut,
 * a new scene), on every `fullScanEvery`-th sample (faces that walk in), and otherwise only the
 * tiles over the small faces of the previous sample. Pure.
 */
import type { Box } from '../../../../../shared/src/analysis.js';

export interface TilePolicyOptions {
  /** Run every tile on every n-th sample whatever happens (1 = always every tile). */
  fullScanEvery: number;
  /** Mean absolute difference of grey thumbnails (0..255) from which the picture counts as changed. */
  sceneChange: number;
  /** Grey thumbnail size used to compare consecutive samples. */
  thumbnailWidth: number;
  thumbnailHeight: number;
}

export const DEFAULT_TILE_POLICY: TilePolicyOptions = { fullScanEvery: 4, sceneChange: 8, thumbnailWidth: 32, thumbnailHeight: 18 };

/** null: run every tile; otherwise only the tiles over these boxes. */
export function chooseTileFocus(sample: number, pictureChange: number | null, previousSmallFaces: readonly Box[], options: TilePolicyOptions): Box[] | null {
  if (options.fullScanEvery <= 1 || sample % options.fullScanEvery === 0) return null;
  if (pictureChange === null || pictureChange >= options.sceneChange) return null;
  return [...previousSmallFaces];
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
