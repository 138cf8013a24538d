/**
 * The frames and faces stages over a whole video, streamed: ffmpeg decodes the samples (and finds
 * the cuts) while the faces stage works on earlier ones, and memory stays flat. Face crops for
 * thumbnails go to a scratch file as they are found.
 */
import type { Box } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { CropStore } from '../../adapters/crop-store.adapter.js';
import type { Ffmpeg, VideoProbe } from '../../adapters/ffmpeg.adapter.js';
import { TUNING } from '../../config/tuning.js';
import type { DetectedFace } from '../../stages/frames/frame.js';
import { cropFace } from '../../stages/people/face-crop.js';
import { formatClock } from '../../../../shared/src/format/clock.js';
import { tileFaceLimitFor } from '../../stages/faces/detect/detector.js';
import { chooseTileFocus, greyThumbnail, narrowTilesForCloseUp, newSmallFaces, nextRhythm, rememberSmallFaces, startRhythm } from '../../stages/faces/detect/tile-policy.js';
import { meanAbsDifference } from '../../stages/frames/cut-detector.js';
import { shouldRedetect } from '../../stages/faces/detect/redetect-policy.js';
import { planEmbedding, type FaceChain } from '../../stages/tracks/embedding-policy.js';
import type { BoundFaceAnalyzer } from './face-analyzer.js';

/** Largest side of the pictures handed to the face stage; bigger videos are scaled down while decoding. */
const MAX_SIDE = 1920;

export interface FacesInVideo {
  /** Every face, in sample order, boxes in source pixels. */
  detected: DetectedFace[];
  /** Sample times, seconds from the first video frame. */
  sampleTimes: number[];
  /** Shot cuts, seconds from the first video frame. */
  cuts: number[];
  /** Seconds from the first video frame to the end of the video. */
  duration: number;
}

export async function findFacesInVideo(
  ffmpeg: Ffmpeg,
  path: string,
  video: VideoProbe & { duration: number },
  fps: number,
  analyzer: BoundFaceAnalyzer,
  crops: CropStore,
  report: (fraction: number, message: string) => void,
  signal?: AbortSignal,
): Promise<FacesInVideo> {
  const stream = ffmpeg.streamFrames(path, { fps, maxSide: MAX_SIDE, video, holds: 2, ...(signal ? { signal } : {}) });
  const geometry = await stream.geometry();
  const { toSource } = geometry;
  const expectedSamples = Math.max(1, Math.ceil(video.duration * fps));
  const detected: DetectedFace[] = [];
  const sampleTimes: number[] = [];
  // Times count from the first video frame: some files start their video stream late
  // (0.85 s in the Hamilton clip), and the report's intervals run from 0 to the duration.
  let origin: number | null = null;
  let chains: FaceChain[] = [];
  let previousFaces: DetectedFace[] = [];
  // The small faces of the last few samples: a face the detector missed once keeps its tile.
  let recentSmallFaces: Box[][] = [];
  let previousThumbnail: Uint8Array | null = null;
  let detectedThumbnail: Uint8Array | null = null;
  // When every tile runs next, and the picture at the last time they did (detect/tile-policy.ts).
  let rhythm = startRhythm(TUNING.tiles);
  let scannedThumbnail: Uint8Array | null = null;
  const { thumbnailWidth, thumbnailHeight } = TUNING.tiles;
  // The analyzer's own detector settings: the user's minimum face size changes the tiles.
  const { minFaceSize, maxDetectorRuns: maxRuns } = analyzer.settings;
  const smallFace = tileFaceLimitFor(geometry.width, geometry.height, { minFaceSize, maxRuns }) * 1.5;
  // Two frames in flight: the next frame is prepared (views resized, detection and landmarks
  // started) before this frame's embeddings and gender are awaited, and the stream keeps each
  // picture valid until the frame after next is asked for (`holds: 2`). onnxruntime-node runs the
  // models themselves one at a time on this thread (docs/evaluation.md, "Where section 1 stands").
  let describing: Promise<void> | null = null;
  let described: DetectedFace[] = [];
  const finishPrevious = async (): Promise<void> => {
    await describing;
    describing = null;
    for (const face of described) detected.push(toSourcePixels(face, toSource));
    described = [];
  };
  try {
    for await (const frame of stream) {
      origin ??= frame.t;
      const t = Math.max(0, frame.t - origin);
      sampleTimes.push(t);
      const thumbnail = greyThumbnail(frame.data, frame.width, frame.height, thumbnailWidth, thumbnailHeight);
      const change = previousThumbnail ? meanAbsDifference(previousThumbnail, thumbnail) : null;
      previousThumbnail = thumbnail;
      const isDetected = shouldRedetect(frame.index, detectedThumbnail ? meanAbsDifference(detectedThumbnail, thumbnail) : null, TUNING.redetect);
      if (isDetected) detectedThumbnail = thumbnail;
      const sample = { ...frame, t };
      const tileFocus = chooseTileFocus(frame.index, change, recentSmallFaces, rhythm, TUNING.tiles);
      const detectionsBefore = analyzer.counts().detections;
      const faces = await analyzer.locateFaces(sample, {
        tileFocus,
        narrowTiles: (wholeView) => narrowTilesForCloseUp(frame.index, wholeView, frame.height, smallFace, TUNING.tiles),
        carried: isDetected ? null : previousFaces,
      });
      // Every tile ran, or as many as a close-up needs after its whole view.
      const fullScan = tileFocus === null && analyzer.counts().detections > detectionsBefore;
      const seen = faces.filter((f) => f.setAside !== 'not-face').map((f) => f.box);
      rhythm = nextRhythm(rhythm, frame.index, {
        fullScan,
        foundNew: newSmallFaces(seen, previousFaces.map((f) => f.box), smallFace).length > 0,
        found: seen.length,
        drift: scannedThumbnail ? meanAbsDifference(scannedThumbnail, thumbnail) : null,
      }, TUNING.tiles);
      if (fullScan) scannedThumbnail = thumbnail;
      await finishPrevious();
      const firstId = detected.length;
      faces.forEach((face, i) => {
        if (!face.setAside) crops.put(firstId + i, cropFace(frame, face.box));
      });
      const nextChains: FaceChain[] = [];
      describing = analyzer.describeFaces(sample, faces, {
        shouldEmbed: (face, kept) => {
          const plan = planEmbedding(face, chains, TUNING.embedding, { boxes: kept.map((f) => f.box), change });
          nextChains.push(plan.chain);
          return plan.embed;
        },
      });
      // `shouldEmbed` ran for every face before describeFaces first waited: the chains are complete.
      chains = nextChains;
      described = faces;
      previousFaces = faces;
      const smallFaces = seen.filter((box) => Math.max(box[2], box[3]) <= smallFace);
      recentSmallFaces = rememberSmallFaces(recentSmallFaces, smallFaces, change, TUNING.tiles);
      report(sampleTimes.length / expectedSamples, `Finding faces: ${formatClock(Math.min(t, video.duration))} of ${formatClock(video.duration)}`);
    }
    await finishPrevious();
  } finally {
    // A failed or cancelled pass still waits for the models before the stream's pictures go.
    await describing?.catch(() => undefined);
  }
  const summary = await stream.summary();
  if (signal?.aborted) throw new OnscreenError('interrupted');
  const start = origin ?? 0;
  const duration = Math.max(sampleTimes.at(-1) ?? 0, video.duration - start);
  const cuts = summary.cuts.map((c) => c - start).filter((c) => c > 0 && c < duration);
  return { detected, sampleTimes, cuts, duration };
}

function toSourcePixels(face: DetectedFace, scale: number): DetectedFace {
  if (scale === 1) return face;
  const [x, y, w, h] = face.box;
  return { ...face, box: [x * scale, y * scale, w * scale, h * scale] };
}
