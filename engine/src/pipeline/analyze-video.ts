/**
 * The whole analysis of one video, in pipeline order:
 *   source → frames → faces → tracks → people (clusters, suggestions, thumbnails)
 * The report is not part of it: it is computed from the analysis and the tags, any number of times.
 * Used by the CLI (`onscreen analyze`), the in-process runner and the BullMQ worker alike.
 */
import { ANALYSIS_SCHEMA_VERSION, type Analysis, type AnalyzeOptions, type Box } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { CropStore } from '../adapters/crop-store.adapter.js';
import { probeVideo, streamFrames } from '../adapters/ffmpeg.adapter.js';
import { sourceDoors } from '../adapters/source-doors.js';
import { resolveSource, type SourceDoors } from '../stages/source/resolve-source.js';
import type { DetectedFace } from '../stages/frames/frame.js';
import { CROP_SIZE, cropFace } from '../stages/people/face-crop.js';
import { buildPeople } from '../stages/people/build-people.js';
import { sampleIntervals, secondsOfSamples } from '../stages/report/sample-intervals.js';
import { shouldEmbedFace } from '../stages/tracks/embedding-policy.js';
import { assignShots, linkFacesIntoTracks } from '../stages/tracks/face-tracker.js';
import { ENGINE_VERSION, TUNING } from '../config/tuning.js';
import { createFaceAnalyzer } from './face-analyzer.js';
import { ProgressEstimator } from './progress-estimator.js';
import type { ProgressListener } from './progress.js';
import { renderThumbnails } from './thumbnails.js';

export interface AnalyzeRequest {
  /** A local file path, an http(s) media URL or a YouTube URL. */
  source: string;
  options: AnalyzeOptions;
  /** A scratch folder this call may use for downloads; the caller removes it. */
  workDir: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** How sources are fetched; the real adapters by default (tests map URLs to local clips). */
  sourceDoors?: SourceDoors;
}

export interface AnalysisResult {
  analysis: Analysis;
  /** Thumbnail JPEGs by their path relative to the analysis folder (as in `clusters[].thumbnail`). */
  thumbnails: Map<string, Buffer>;
}

/** Largest side of the pictures handed to the face stage; bigger videos are scaled down while decoding. */
const MAX_SIDE = 1920;

export async function analyzeVideo(request: AnalyzeRequest): Promise<AnalysisResult> {
  const { options, signal } = request;
  const estimator = new ProgressEstimator(Date.now());
  const report = (stage: Parameters<ProgressEstimator['update']>[0], fraction: number, message: string) =>
    request.onProgress?.(estimator.update(stage, fraction, message, Date.now()));
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + (performance.now() - start) / 1000;
    }
  };

  report('source', 0, 'Getting the video');
  const source = await timed('source', () =>
    resolveSource(request.source, {
      workDir: request.workDir,
      doors: request.sourceDoors ?? sourceDoors,
      allowPrivateNetwork: options.allowPrivateNetwork === true,
      ...(signal ? { signal } : {}),
      onProgress: (fraction: number) => report('source', fraction, 'Downloading the video'),
    }),
  );
  const video = await timed('probe', () => probeVideo(source.path, signal));
  if (video.duration === null || !(video.duration > 0)) throw new OnscreenError('video_unreadable', 'The video does not say how long it is, so it cannot be sampled.');
  const videoEnd = video.duration;

  const analyzer = await createFaceAnalyzer({ ...TUNING.faces, minFaceSize: options.minFaceSize });
  const crops = new CropStore(request.workDir, CROP_SIZE);
  const detected: DetectedFace[] = [];
  const sampleTimes: number[] = [];
  const expectedSamples = Math.max(1, Math.ceil(videoEnd * options.fps));
  try {
    const stream = streamFrames(source.path, { fps: options.fps, maxSide: MAX_SIDE, video, ...(signal ? { signal } : {}) });
    const geometry = await stream.geometry();
    const facesStart = performance.now();
    // Times count from the first video frame: some files start their video stream late
    // (0.85 s in the Hamilton clip), and the report's intervals run from 0 to the duration.
    let origin: number | null = null;
    let previousBoxes: Box[] = [];
    for await (const frame of stream) {
      origin ??= frame.t;
      const t = Math.max(0, frame.t - origin);
      sampleTimes.push(t);
      const faces = await analyzer.analyzeFrame({ ...frame, t }, {
        shouldEmbed: (face) => shouldEmbedFace(face.box, frame.index, previousBoxes, TUNING.embedding),
      });
      previousBoxes = faces.filter((f) => !f.setAside).map((f) => f.box);
      for (const face of faces) {
        const id = detected.length;
        if (!face.setAside) crops.put(id, cropFace(frame, face.box));
        detected.push(toSourcePixels(face, geometry.toSource));
      }
      report('faces', sampleTimes.length / expectedSamples, `Finding faces: ${formatClock(Math.min(t, videoEnd))} of ${formatClock(videoEnd)}`);
    }
    // The probe's duration runs to the end of the video stream, which may start late: count from its first frame.
    const duration = Math.max(sampleTimes.at(-1) ?? 0, videoEnd - (origin ?? 0));
    const cuts = (await stream.summary()).cuts.map((c) => c - (origin ?? 0)).filter((c) => c > 0 && c < duration);
    timings.faces = (performance.now() - facesStart) / 1000;
    Object.assign(timings, prefixed('faces.', analyzer.timings()));
    if (signal?.aborted) throw new OnscreenError('interrupted');

    report('tracks', 0, 'Following faces from frame to frame');
    const start = performance.now();
    const tracking = linkFacesIntoTracks(detected, assignShots(sampleTimes, cuts), TUNING.tracker);
    timings.tracks = (performance.now() - start) / 1000;

    report('people', 0, 'Grouping faces into people');
    const peopleStart = performance.now();
    const people = buildPeople(detected, tracking, TUNING.people);
    const intervals = sampleIntervals(sampleTimes, cuts, duration);
    for (const cluster of people.clusters) {
      cluster.seconds = Math.round(secondsOfSamples(intervals, new Set(cluster.faces.map((f) => people.faces[f]!.sample))) * 1000) / 1000;
    }
    const thumbnails = await renderThumbnails(people, crops);
    timings.people = (performance.now() - peopleStart) / 1000;

    const analysis: Analysis = {
      schemaVersion: ANALYSIS_SCHEMA_VERSION,
      engine: { version: ENGINE_VERSION, models: analyzer.modelIds },
      createdAt: new Date().toISOString(),
      options: { fps: options.fps, minFaceSize: options.minFaceSize },
      video: {
        duration,
        width: video.width,
        height: video.height,
        frameRate: video.frameRate,
        rotation: video.rotation,
        source: source.label,
        title: source.title,
      },
      sampling: { fps: options.fps, times: sampleTimes, cuts },
      faces: people.faces,
      tracks: people.tracks,
      clusters: people.clusters,
      setAside: countSetAside(people.faces),
      timings: roundTimings(timings),
    };
    report('people', 1, `Found ${people.clusters.length} ${people.clusters.length === 1 ? 'person' : 'people'}`);
    return { analysis, thumbnails };
  } finally {
    crops.close();
  }
}

function toSourcePixels(face: DetectedFace, scale: number): DetectedFace {
  if (scale === 1) return face;
  const [x, y, w, h] = face.box;
  return { ...face, box: [x * scale, y * scale, w * scale, h * scale] };
}

function countSetAside(faces: Analysis['faces']): Analysis['setAside'] {
  const count = (reason: string) => faces.filter((f) => f.setAside === reason).length;
  return { tooSmall: count('too-small'), lowQuality: count('low-quality'), notFace: count('not-face') };
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v]));
}

function roundTimings(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
}

function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
