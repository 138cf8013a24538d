/**
 * When the detector may skip tiles. Tiles (six of the seven detector runs on a 720p frame) exist
 * for faces too small for the whole-frame view; within a shot such faces stay where they were.
 * So a sample runs every tile when the picture changed a lot since the previous sample (a cut,
 * a new scene), when the scan rhythm says a full scan is due (faces that walk in), and otherwise
 * only the tiles over the small faces of the previous sample. The rhythm slows down while full
 * scans find nothing new in a picture that does not change (a full scan every `fullScanEvery`-th
 * sample, then twice, four times as far apart, up to `slowestFullScanEvery`) and is back to
 * `fullScanEvery` after a change of picture or a full scan that finds a new small face. And when
 * every tile would run, the whole view runs first: a close-up (a face filling a good part of the
 * picture) runs only the tiles over the small faces the whole view glimpsed, with a full scan
 * every `closeUpFullScanEvery`-th sample (issue 12: cut-rich footage ran every tile at every cut). Pure.
 */
import type { Box } from '../../../../../shared/src/analysis.js';
import { iou } from '../../tracks/geometry.js';

type FrameBox = readonly [number, number, number, number];

export interface TilePolicyOptions {
  /** Run every tile on every n-th sample at least while the picture changes or full scans find new faces (1 = always every tile). */
  fullScanEvery: number;
  /** Samples between full scans at most, when full scans keep finding nothing new in a steady picture (= fullScanEvery: a fixed rhythm). */
  slowestFullScanEvery: number;
  /** Picture change since the last full scan (same measure as `sceneChange`) from which the rhythm is back to `fullScanEvery`. */
  drift: number;
  /**
   * After a full scan that found no face at all in a moving picture, a change of picture below
   * `cutChange` no longer forces the next one (a camera moving over an empty scene changes every
   * sample): it comes this many samples later, or at the first sample that shows a face.
   */
  emptyFullScanEvery: number;
  /** A change of picture (same measure as `sceneChange`) that forces a full scan even then: a cut. */
  cutChange: number;
  /** Samples whose small faces keep their tiles (1: the previous sample's only): a face missed once is looked for again. */
  focusMemory: number;
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
  slowestFullScanEvery: 16,
  drift: 8,
  emptyFullScanEvery: 2,
  cutChange: 40,
  focusMemory: 4,
  sceneChange: 16,
  thumbnailWidth: 32,
  thumbnailHeight: 18,
  closeUp: 0.25,
  closeUpFullScanEvery: 16,
};

/** When the next full scan is due: `next` is a sample index, `every` the current spacing. */
export interface ScanRhythm {
  next: number;
  every: number;
  /** The last full scan found no face in a moving picture, and no sample has shown one since. */
  empty: boolean;
}

export function startRhythm(options: TilePolicyOptions): ScanRhythm {
  return { next: 0, every: Math.max(1, options.fullScanEvery), empty: false };
}

/**
 * null: run every tile; otherwise only the tiles over these boxes: the small faces of the last
 * samples (see `rememberSmallFaces`), none after a change of picture.
 */
export function chooseTileFocus(sample: number, pictureChange: number | null, recentSmallFaces: readonly (readonly Box[])[], rhythm: ScanRhythm, options: TilePolicyOptions): Box[] | null {
  if (options.fullScanEvery <= 1 || sample >= rhythm.next) return null;
  if (pictureChange === null || pictureChange >= (rhythm.empty ? options.cutChange : options.sceneChange)) return null;
  return pictureChange >= options.sceneChange ? [] : recentSmallFaces.flat();
}

/** The small faces of the last `focusMemory` samples, newest first; a change of picture forgets the older ones. */
export function rememberSmallFaces(recent: readonly (readonly Box[])[], now: readonly Box[], pictureChange: number | null, options: TilePolicyOptions): Box[][] {
  const kept = pictureChange === null || pictureChange >= options.sceneChange ? [] : recent;
  return [[...now], ...kept.map((faces) => [...faces])].slice(0, Math.max(1, options.focusMemory));
}

/** What one sample's detection did, for the rhythm. */
export interface ScanOutcome {
  /** Every tile ran (not only the tiles over known faces). */
  fullScan: boolean;
  /** A small face was found where the previous sample had no face. */
  foundNew: boolean;
  /** Faces found (the not-face screen's rejects left out). */
  found: number;
  /** Picture change since the last full scan (grey thumbnails), null when there was none. */
  drift: number | null;
}

/**
 * The rhythm after a sample: a full scan that found nothing new in a picture that has not drifted
 * from the last full scan's doubles the spacing (up to `slowestFullScanEvery`); a new face or a
 * drifted picture brings it back to `fullScanEvery`. A full scan that found no face at all is
 * followed by the next `emptyFullScanEvery` samples later, sooner if a sample shows a face.
 */
export function nextRhythm(rhythm: ScanRhythm, sample: number, outcome: ScanOutcome, options: TilePolicyOptions): ScanRhythm {
  const fastest = Math.max(1, options.fullScanEvery);
  const isSteady = outcome.drift !== null && outcome.drift < options.drift;
  if (!outcome.fullScan) {
    const empty = rhythm.empty && outcome.found === 0;
    // A picture drifting away from the last full scan's (a slow pan) gets one soon.
    if (isSteady || rhythm.next <= sample + fastest) return { ...rhythm, empty };
    return { next: sample + fastest, every: fastest, empty };
  }
  if (outcome.found === 0 && !isSteady) return { next: sample + Math.max(1, options.emptyFullScanEvery), every: fastest, empty: true };
  const every = outcome.foundNew || !isSteady ? fastest : Math.min(Math.max(fastest, options.slowestFullScanEvery), rhythm.every * 2);
  return { next: sample + every, every, empty: false };
}

/** Faces of this sample up to `smallFace` (box side) that overlap no face of the previous sample: new small faces. */
export function newSmallFaces(now: readonly Box[], before: readonly Box[], smallFace: number): Box[] {
  return now.filter((box) => Math.max(box[2], box[3]) <= smallFace && !before.some((b) => iou(box, b) > 0.3));
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
