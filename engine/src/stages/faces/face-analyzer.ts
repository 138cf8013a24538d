import type { DetectedFace, Frame } from '../frames/frame.js';
import type { Candidate } from './detect/boxes.js';
import { DEFAULT_CARRY_CHECK, isCarriable, judgeMotion, landmarkMotion, moveBox, stillTheFace, type CarryCheckOptions } from './detect/carry-check.js';
import { DEFAULT_DETECTOR_OPTIONS, detectFaces, type DetectorOptions } from './detect/detector.js';
import { embedFaces } from './embedder.js';
import type { RunModel } from './face-models.js';
import { estimateFemale } from './gender.js';
import { LANDMARK_INPUT, locateLandmarks } from './landmarks.js';
import { mirrorDisagreement } from './pose.js';
import { combineQuality, isNotFace, scoreQuality, scoreSize } from './quality.js';

export interface FaceAnalyzerOptions {
  /** Source pixels (box's longer side): smaller faces are reported but set aside as 'too-small'. Default 20. */
  minFaceSize: number;
  /** Detector face probability needed (0..1). Default 0.6, see docs in detect/detector.ts. */
  scoreThreshold: number;
  /** Detector runs per frame, whole frame included (tiles find small faces). Default 7. */
  maxDetectorRuns: number;
  /** Faces below this quality are set aside as 'low-quality' (no embedding). Default 0.25. */
  minQuality: number;
  /** Embedded faces at or above this quality get a gender estimate. Default 0.45. */
  minGenderQuality: number;
  /** When a carried box still holds its face (see detect/carry-check.ts). */
  carryCheck: CarryCheckOptions;
  /**
   * Detector score from which a face is taken as a face without the mirrored landmark run (the
   * not-face screen, see quality.ts `isNotFace`); 1 or more: every face is screened. Default 0.998.
   */
  mirrorCheckBelow: number;
  /** Monotonic milliseconds (e.g. performance.now) to time the steps; no timings without it. */
  clock?: () => number;
}

export const DEFAULT_FACE_ANALYZER_OPTIONS: FaceAnalyzerOptions = {
  minFaceSize: 20,
  scoreThreshold: 0.6,
  maxDetectorRuns: DEFAULT_DETECTOR_OPTIONS.maxRuns,
  minQuality: 0.25,
  minGenderQuality: 0.45,
  carryCheck: DEFAULT_CARRY_CHECK,
  // On bench/dev and bench2/dev (1,206 faces) the screen set aside 19 faces, the best-scored at 0.981,
  // and 1,076 of the 1,182 faces it kept scored 0.998 or more; on the Hamilton loop it set aside a
  // hand scored 0.994 (docs/evaluation.md, issue 12).
  mirrorCheckBelow: 0.998,
};

export interface AnalyzeFrameOptions {
  /** Which faces (not set aside) get an embedding, seeing the frame's other faces; all of them by default. */
  shouldEmbed?: (face: DetectedFace, kept: readonly DetectedFace[]) => boolean;
  /** Run only the detector tiles over these boxes (see detect/tile-policy.ts); null or absent: all tiles. */
  tileFocus?: readonly (readonly [number, number, number, number])[] | null;
  /** When every tile would run: the tiles worth running after the whole view (see detect/detector.ts). */
  narrowTiles?: DetectorOptions['narrowTiles'];
  /**
   * The previous sample's faces, carried forward: the detector does not run and their boxes are
   * described instead (see detect/redetect-policy.ts), each following its face's landmarks; when
   * one no longer holds its face (detect/carry-check.ts), the detector runs after all.
   */
  carried?: readonly CarriedBox[] | null;
}

/** A face of the previous sample (frame pixels); one without landmarks and quality cannot be checked, and the detector runs. */
export type CarriedBox = Pick<DetectedFace, 'score'> & { box: readonly [number, number, number, number] } & Partial<Pick<DetectedFace, 'landmarks' | 'quality' | 'setAside'>>;

export interface FaceAnalyzer {
  /** The settings in force (defaults filled in). */
  readonly settings: Readonly<FaceAnalyzerOptions>;
  /** Every step on one frame: `locateFaces`, then `describeFaces`. */
  analyzeFrame(frame: Frame, options?: AnalyzeFrameOptions): Promise<DetectedFace[]>;
  /** Where the faces are and how well they are seen: detection (or carried boxes), landmarks, quality and screens. */
  locateFaces(frame: Frame, options?: AnalyzeFrameOptions): Promise<DetectedFace[]>;
  /**
   * Who they are: embeddings and gender, filled into `found` (the frame's pixels must still be
   * valid). May be awaited after the next frame's `locateFaces` has started (the models are separate
   * sessions; onnxruntime-node still runs them one at a time on the calling thread).
   */
  describeFaces(frame: Frame, found: DetectedFace[], options?: Pick<AnalyzeFrameOptions, 'shouldEmbed'>): Promise<void>;
  /** Seconds spent per step since creation: detect, landmarks (with quality and screens), embed, gender. Zeros without a clock. */
  timings(): Record<string, number>;
  /** Frames analysed, faces reported, faces embedded, gender estimates, frames the detector ran on, detector views and landmark runs, since creation. */
  counts(): FaceWork;
}

export interface FaceWork {
  frames: number;
  faces: number;
  embeddings: number;
  /** Faces given a gender estimate. */
  genders: number;
  detections: number;
  /** Pictures the detector ran on: the whole view and each tile count one. */
  detectorViews: number;
  /** Runs of the landmark model (as seen, and mirrored for faces the not-face screen checks). */
  landmarkRuns: number;
}

export const FACE_STEPS = ['detect', 'landmarks', 'embed', 'gender'] as const;

/** The faces stage for one video: detect → landmarks → quality and screens → embedding → gender. */
export function createFaceAnalyzer(runModelAsGiven: RunModel, options: Partial<FaceAnalyzerOptions> = {}): FaceAnalyzer {
  const settings: FaceAnalyzerOptions = { ...DEFAULT_FACE_ANALYZER_OPTIONS, ...options };
  let detectorViews = 0;
  let landmarkRuns = 0;
  // Counts the pictures each model is given (a batch counts its size), for the benchmark's "model work".
  const runModel: RunModel = (id, feeds) => {
    const pictures = Object.values(feeds)[0]?.dims[0] ?? 1;
    if (id === 'detector') detectorViews += pictures;
    if (id === 'landmarks') landmarkRuns += pictures;
    return runModelAsGiven(id, feeds);
  };
  const spent: Record<string, number> = Object.fromEntries(FACE_STEPS.map((s) => [s, 0]));
  let frames = 0;
  let faces = 0;
  let embeddings = 0;
  let genders = 0;
  let detections = 0;
  const timed = async <T>(step: (typeof FACE_STEPS)[number], work: () => Promise<T>): Promise<T> => {
    if (!settings.clock) return work();
    const start = settings.clock();
    try {
      return await work();
    } finally {
      spent[step] = spent[step]! + (settings.clock() - start) / 1000;
    }
  };

  async function analyzeFrame(frame: Frame, frameOptions: AnalyzeFrameOptions = {}): Promise<DetectedFace[]> {
    const found = await locateFaces(frame, frameOptions);
    await describeFaces(frame, found, frameOptions);
    return found;
  }

  async function locateFaces(frame: Frame, frameOptions: AnalyzeFrameOptions = {}): Promise<DetectedFace[]> {
    const { carried } = frameOptions;
    const carriedFaces = carried ? await timed('landmarks', () => describeCarried(frame, carried)) : null;
    const found = carriedFaces ?? (await detectAndDescribe(frame, frameOptions));
    frames++;
    faces += found.length;
    if (!carriedFaces) detections++;
    return found;
  }

  async function detectAndDescribe(frame: Frame, frameOptions: AnalyzeFrameOptions): Promise<DetectedFace[]> {
    const candidates = await timed('detect', () =>
      detectFaces(frame, runModel, {
        minFaceSize: settings.minFaceSize,
        scoreThreshold: settings.scoreThreshold,
        maxRuns: settings.maxDetectorRuns,
        tileFocus: frameOptions.tileFocus ?? null,
        narrowTiles: frameOptions.narrowTiles ?? null,
      }),
    );
    return timed('landmarks', () => Promise.all(candidates.map((candidate) => describeFace(frame, candidate))));
  }

  /** The carried faces described where they are now, or null when one of them no longer holds its face. */
  async function describeCarried(frame: Frame, carried: readonly CarriedBox[]): Promise<DetectedFace[] | null> {
    if (!carried.every((item) => isCarriable(item, settings.carryCheck))) return null;
    const faces = await Promise.all(carried.map((item) => followCarried(frame, item)));
    return faces.every((f) => f !== null) ? (faces as DetectedFace[]) : null;
  }

  async function followCarried(frame: Frame, item: CarriedBox): Promise<DetectedFace | null> {
    if (!item.landmarks || item.quality === undefined) return null;
    const face = await describeFace(frame, toCandidate(item));
    if (!face.landmarks) return null;
    const motion = landmarkMotion(item.landmarks, face.landmarks);
    const verdict = judgeMotion(item.box, motion, settings.carryCheck);
    if (verdict === 'lost') return null;
    const now = verdict === 'follow' ? await describeFace(frame, toCandidate({ ...item, box: moveBox(item.box, motion) })) : face;
    const before = { quality: item.quality, isSetAside: item.setAside !== undefined };
    return stillTheFace(before, { quality: now.quality, isSetAside: now.setAside !== undefined }, settings.carryCheck) ? now : null;
  }

  async function describeFaces(frame: Frame, found: DetectedFace[], frameOptions: Pick<AnalyzeFrameOptions, 'shouldEmbed'> = {}): Promise<void> {
    const kept = found.filter((f) => !f.setAside);
    const embedded = kept.filter((f) => frameOptions.shouldEmbed?.(f, kept) ?? true);
    await timed('embed', async () => {
      const embeddings = await embedFaces(frame, embedded.map((face) => face.landmarks!), runModel);
      embedded.forEach((face, i) => (face.embedding = embeddings[i]!));
    });
    // Gender only where it is used: a track's gender comes from its embedded faces (people/build-people.ts).
    const judged = embedded.filter((f) => f.quality >= settings.minGenderQuality);
    await timed('gender', async () => {
      const female = await estimateFemale(frame, judged.map((f) => cornersOf(f.box)), runModel);
      judged.forEach((f, i) => (f.female = female[i]!));
    });
    embeddings += embedded.length;
    genders += judged.length;
  }

  async function describeFace(frame: Frame, c: Candidate): Promise<DetectedFace> {
    const box = clipBox(c, frame.width, frame.height);
    const side = Math.max(c.x2 - c.x1, c.y2 - c.y1);
    const face: DetectedFace = { sample: frame.index, t: frame.t, box, score: c.score, landmarks: null, embedding: null, quality: 0, female: null };
    if (side < settings.minFaceSize) {
      face.quality = 0.4 * scoreSize(side);
      face.setAside = 'too-small';
      return face;
    }
    const isScreened = c.score < settings.mirrorCheckBelow;
    const [seen, mirrored] = await Promise.all([locateLandmarks(frame, c, runModel), isScreened ? locateLandmarks(frame, c, runModel, true) : null]);
    face.landmarks = seen.points;
    face.quality = combineQuality(scoreQuality(side, seen.crop, LANDMARK_INPUT.size, seen.points));
    if (mirrored && isNotFace(c.score, mirrorDisagreement(seen.points, mirrored.points, seen.cropRect.width))) face.setAside = 'not-face';
    else if (face.quality < settings.minQuality) face.setAside = 'low-quality';
    return face;
  }

  return {
    settings,
    analyzeFrame,
    locateFaces,
    describeFaces,
    timings: () => ({ ...spent }),
    counts: () => ({ frames, faces, embeddings, genders, detections, detectorViews, landmarkRuns }),
  };
}

function clipBox(c: Candidate, width: number, height: number): [number, number, number, number] {
  const x1 = Math.max(0, c.x1);
  const y1 = Math.max(0, c.y1);
  const x2 = Math.min(width, c.x2);
  const y2 = Math.min(height, c.y2);
  return [x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1)];
}

function toCandidate({ box, score }: Pick<CarriedBox, 'box' | 'score'>): Candidate {
  return { x1: box[0], y1: box[1], x2: box[0] + box[2], y2: box[1] + box[3], score, view: 0 };
}

function cornersOf(box: readonly [number, number, number, number]): { x1: number; y1: number; x2: number; y2: number } {
  return { x1: box[0], y1: box[1], x2: box[0] + box[2], y2: box[1] + box[3] };
}
