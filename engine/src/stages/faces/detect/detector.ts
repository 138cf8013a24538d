import { pickOutput, type RunModel } from '../face-models.js';
import { cropResizeToTensor } from '../image/resize.js';
import type { PixelNorm, Rect, RgbImage } from '../image/rgb-image.js';
import { iouOf, suppressContained, suppressOverlaps, type Candidate } from './boxes.js';
import { decodeDetections } from './decode.js';
import { planDetectionViews, tilesOver } from './tiling.js';

/** Input contract of fr_detect.onnx (Ultra-Light-Fast-Generic-Face-Detector RFB-320, trained on RGB (x-127)/128). */
export const DETECTOR_INPUT = { name: 'input', width: 320, height: 240 } as const;
export const DETECTOR_NORM: PixelNorm = { order: 'rgb', mean: 127, scale: 1 / 128, fill: 127 };

export interface DetectorOptions {
  /** Source pixels: the smallest face the tiling aims to find reliably. */
  minFaceSize: number;
  /** Face probability (0..1) a candidate needs. */
  scoreThreshold: number;
  /** Detector runs per frame (whole frame + tiles). */
  maxRuns: number;
  /**
   * Run only the tiles over these known faces (frame pixels [x, y, w, h]), one tile each that holds
   * it whole (tiling.ts `tilesOver`); the whole view always runs. Absent or null: every tile. See
   * tile-policy.ts for when the engine narrows the tiles.
   */
  tileFocus?: readonly Box[] | null;
  /**
   * When every tile would run: given the whole view's faces first, the tiles to run after all
   * (only those over the returned boxes), or null for every tile. See tile-policy.ts.
   */
  narrowTiles?: ((wholeView: Box[]) => readonly Box[] | null) | null;
}

type Box = readonly [number, number, number, number];

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { minFaceSize: 20, scoreThreshold: 0.7, maxRuns: 7 };

/** Box side (model pixels) from which RFB-320 finds ≥ 88 % of faces at score 0.7 (measured on the eval photos). */
export const RELIABLE_FACE_SIZE = 24;
/** Whole-view score that counts as support for a big box found in a tile (see `keepSupported`). */
const SUPPORT_SCORE = 0.3;

/** Finds faces in one picture: whole frame plus tiles, merged so each face is reported once. */
export async function detectFaces(image: RgbImage, runModel: RunModel, options: DetectorOptions = DEFAULT_DETECTOR_OPTIONS): Promise<Candidate[]> {
  const { views: planned, tileFaceLimit } = planDetectionViews(image.width, image.height, {
    modelWidth: DETECTOR_INPUT.width,
    modelHeight: DETECTOR_INPUT.height,
    reliableFaceSize: RELIABLE_FACE_SIZE,
    minFaceSize: options.minFaceSize,
    maxRuns: options.maxRuns,
  });
  const wholeThreshold = Math.min(SUPPORT_SCORE, options.scoreThreshold);
  const focus = (tileFocus: readonly Box[]) => [planned[0]!, ...tilesOver(planned.slice(1), tileFocus)];
  let views = options.tileFocus ? focus(options.tileFocus) : planned;
  let outputs: ViewOutput[];
  if (!options.tileFocus && options.narrowTiles && planned.length > 1) {
    // The whole view first: what it sees decides which tiles are worth running (tile-policy.ts).
    const [whole] = await runViews(image, [planned[0]!], runModel);
    const seen = suppressOverlaps(decodeDetections(whole!.scores, whole!.boxes, planned[0]!, 0, wholeThreshold), 0.3);
    const tileFocus = options.narrowTiles(seen.filter((c) => c.score >= options.scoreThreshold).map(toBox));
    views = tileFocus ? focus(tileFocus) : planned;
    outputs = [whole!, ...(views.length > 1 ? await runViews(image, views.slice(1), runModel) : [])];
  } else {
    outputs = await runViews(image, views, runModel);
  }
  const candidates: Candidate[] = [];
  let support: Candidate[] = [];
  for (const [index, view] of views.entries()) {
    const { scores, boxes } = outputs[index]!;
    const threshold = index === 0 ? wholeThreshold : options.scoreThreshold;
    const found = suppressOverlaps(decodeDetections(scores, boxes, view, index, threshold), 0.3);
    if (index === 0) support = found;
    const isCut = index === 0 ? () => false : (c: Candidate) => touchesInnerEdge(c, view, image.width, image.height);
    candidates.push(...found.filter((c) => c.score >= options.scoreThreshold && !isCut(c)));
  }
  return mergeViews(keepResponsible(candidates, support, tileFaceLimit));
}

interface ViewOutput {
  scores: Float32Array;
  boxes: Float32Array;
}

/** The detector on several views in one call: a batch keeps onnxruntime's threads busier than runs one at a time. */
async function runViews(image: RgbImage, views: readonly Rect[], runModel: RunModel): Promise<ViewOutput[]> {
  const plane = 3 * DETECTOR_INPUT.height * DETECTOR_INPUT.width;
  const input = takeBuffer(views.length * plane);
  views.forEach((view, index) => cropResizeToTensor(image, view, DETECTOR_INPUT.width, DETECTOR_INPUT.height, DETECTOR_NORM, input, index * plane));
  const dims = [views.length, 3, DETECTOR_INPUT.height, DETECTOR_INPUT.width] as const;
  const outputs = await runModel('detector', { [DETECTOR_INPUT.name]: { data: input.subarray(0, views.length * plane), dims } }).finally(() => spareBuffers.push(input));
  const allScores = pickOutput(outputs, 'scores', 'detector').data;
  const allBoxes = pickOutput(outputs, 'boxes', 'detector').data;
  const priors = allScores.length / 2 / views.length;
  return views.map((_, index) => ({
    scores: allScores.subarray(index * priors * 2, (index + 1) * priors * 2),
    boxes: allBoxes.subarray(index * priors * 4, (index + 1) * priors * 4),
  }));
}

function toBox(c: Candidate): Box {
  return [c.x1, c.y1, c.x2 - c.x1, c.y2 - c.y1];
}

/**
 * Input buffers for the views, handed back after each run and reused: a fresh one per frame is
 * several megabytes of new memory each time, and reusing them cut the detector's CPU time by about
 * a tenth (scripts/bench/faces.bench.ts). Concurrent calls each take their own.
 */
const spareBuffers: Float32Array[] = [];
function takeBuffer(length: number): Float32Array {
  const index = spareBuffers.findIndex((b) => b.length >= length);
  if (index >= 0) return spareBuffers.splice(index, 1)[0]!;
  return new Float32Array(Math.max(length, 3 * DETECTOR_INPUT.width * DETECTOR_INPUT.height * DEFAULT_DETECTOR_OPTIONS.maxRuns));
}

/** The biggest face (source pixels) that only the tiles find reliably in a picture of this size; 0 when there are no tiles. */
export function tileFaceLimitFor(width: number, height: number, options: Pick<DetectorOptions, 'minFaceSize' | 'maxRuns'>): number {
  return planDetectionViews(width, height, {
    modelWidth: DETECTOR_INPUT.width,
    modelHeight: DETECTOR_INPUT.height,
    reliableFaceSize: RELIABLE_FACE_SIZE,
    minFaceSize: options.minFaceSize,
    maxRuns: options.maxRuns,
  }).tileFaceLimit;
}

/**
 * Tiles are there for faces up to `tileFaceLimit`; they also see big faces cut in pieces, and a face's
 * parts (an eye, a patterned shirt) at the scale of whole faces. A tile box somewhat bigger than the limit
 * is kept only if the whole view, which finds faces of that size reliably, also sees something there,
 * even weakly; a much bigger one is left to the whole view.
 */
export function keepResponsible(candidates: readonly Candidate[], support: readonly Candidate[], tileFaceLimit: number): Candidate[] {
  return candidates.filter((c) => {
    const side = Math.max(c.x2 - c.x1, c.y2 - c.y1);
    if (c.view === 0 || side <= tileFaceLimit) return true;
    if (side > 1.5 * tileFaceLimit) return false;
    return support.some((s) => iouOf(s, c) >= 0.3);
  });
}

/**
 * A box touching a tile edge that lies inside the frame is a face cut by the tile: the overlap guarantees
 * that a face the tiles are responsible for lies whole inside a neighbouring tile, so the cut one can go.
 */
export function touchesInnerEdge(c: Candidate, view: Rect, frameWidth: number, frameHeight: number): boolean {
  const margin = 0.01 * Math.max(view.width, view.height);
  const right = view.x + view.width;
  const bottom = view.y + view.height;
  return (
    (view.x > 0 && c.x1 <= view.x + margin) ||
    (view.y > 0 && c.y1 <= view.y + margin) ||
    (right < frameWidth - 0.5 && c.x2 >= right - margin) ||
    (bottom < frameHeight - 0.5 && c.y2 >= bottom - margin)
  );
}

/** One box per face across views: overlapping boxes keep the best score, cut or doubled faces the bigger box. */
export function mergeViews(candidates: readonly Candidate[]): Candidate[] {
  return suppressContained(suppressOverlaps(candidates, 0.4), 0.6);
}
