/**
 * The whole analysis of one video, in pipeline order:
 *   source → frames → faces → tracks → people (clusters, suggestions, thumbnails) → speech (who is heard) → voices
 * The report is not part of it: it is computed from the analysis and the tags, any number of times.
 * Used by the CLI (`onscreen analyze`), the in-process runner and the BullMQ worker alike.
 */
import { ANALYSIS_SCHEMA_VERSION, type Analysis, type AnalyzeOptions } from '../../../../shared/src/analysis.js';
import type { JobStage } from '../../../../shared/src/api/types.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { CropStore } from '../../adapters/crop-store.adapter.js';
import { sourceDoors } from '../../adapters/source-doors.js';
import { resolveSource, type SourceDoors } from '../../stages/source/resolve-source.js';
import { CROP_SIZE } from '../../stages/people/face-crop.js';
import { buildPeople } from '../../stages/people/build-people.js';
import { encodeTrackEmbeddings } from '../../stages/people/track-embeddings.js';
import { getModelEntry } from '../../adapters/models/manifest.js';
import { sampleIntervals, secondsOfSamples } from '../../stages/report/sample-intervals.js';
import { assignShots, linkFacesIntoTracks } from '../../stages/tracks/face-tracker.js';
import { ENGINE_VERSION, TUNING } from '../../config/tuning.js';
import { createFaceAnalyzer } from './face-analyzer.js';
import { findFacesInVideo } from './find-faces-in-video.js';
import { ProgressEstimator } from './progress-estimator.js';
import type { AnalysisResult } from '../../contracts/analysis-result.js';
import type { ProgressListener } from '../../contracts/progress.js';
import { StageClock } from './stage-clock.js';
import { renderThumbnails } from './thumbnails.js';
import { hearVoices } from './hear-voices.js';
import type { Engine } from '../engine.js';

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

/** `engine`: the adapters on this process's settings (built by its composition root). */
export async function analyzeVideo(engine: Engine, request: AnalyzeRequest): Promise<AnalysisResult> {
  const { options, signal } = request;
  const estimator = new ProgressEstimator(Date.now());
  const report = (stage: JobStage, fraction: number, message: string) => request.onProgress?.(estimator.update(stage, fraction, message, Date.now()));
  const clock = new StageClock();

  report('source', 0, 'Getting the video');
  const source = await clock.time('source', () =>
    resolveSource(request.source, {
      workDir: request.workDir,
      doors: request.sourceDoors ?? sourceDoors,
      allowPrivateNetwork: options.allowPrivateNetwork === true,
      ...(signal ? { signal } : {}),
      onProgress: (fraction: number) => report('source', fraction, 'Downloading the video'),
    }),
  );
  const video = await clock.time('probe', () => engine.ffmpeg.probeVideo(source.path, signal));
  if (video.duration === null || !(video.duration > 0)) throw new OnscreenError('video_unreadable', 'The video does not say how long it is, so it cannot be sampled.');

  const analyzer = await createFaceAnalyzer(engine.models, { ...TUNING.faces, minFaceSize: options.minFaceSize });
  const crops = new CropStore(request.workDir, CROP_SIZE);
  try {
    const found = await clock.time('faces', () =>
      findFacesInVideo(engine.ffmpeg, source.path, { ...video, duration: video.duration! }, options.fps, analyzer, crops, (f, m) => report('faces', f, m), signal),
    );
    clock.add('faces.', analyzer.timings());

    report('tracks', 0, 'Following faces from frame to frame');
    const tracking = clock.timeSync('tracks', () => linkFacesIntoTracks(found.detected, assignShots(found.sampleTimes, found.cuts), TUNING.tracker));

    report('people', 0, 'Grouping faces into people');
    const people = clock.timeSync('people', () => buildPeople(found.detected, tracking, TUNING.people));
    const intervals = sampleIntervals(found.sampleTimes, found.cuts, found.duration);
    for (const cluster of people.clusters) {
      cluster.seconds = round3(secondsOfSamples(intervals, cluster.faces.map((f) => people.faces[f]!.sample)));
    }
    const thumbnails = await clock.time('thumbnails', () => renderThumbnails(people, crops));

    report('people', 0.9, 'Listening for who speaks');
    const speechInput = { path: source.path, video, faces: people.faces, tracks: people.tracks, cuts: found.cuts, landmarks: (f: number) => found.detected[f]?.landmarks ?? null };
    const heard = await hearVoices(engine, speechInput, { scratchDir: request.workDir, clock, ...(signal ? { signal } : {}) });

    const analysis: Analysis = {
      schemaVersion: ANALYSIS_SCHEMA_VERSION,
      engine: { version: ENGINE_VERSION, models: analyzer.modelIds },
      createdAt: new Date().toISOString(),
      options: { fps: options.fps, minFaceSize: options.minFaceSize },
      video: {
        duration: found.duration,
        width: video.width,
        height: video.height,
        frameRate: video.frameRate,
        rotation: video.rotation,
        source: source.label,
        title: source.title,
        ...publishedOf(source, video),
        ...(source.channel ? { channel: source.channel } : {}),
      },
      sampling: { fps: options.fps, times: found.sampleTimes, cuts: found.cuts },
      faces: people.faces,
      tracks: people.tracks,
      clusters: people.clusters,
      setAside: countSetAside(people.faces),
      sound: heard.sound,
      speech: heard.speech,
      voices: heard.voices,
      timings: clock.seconds(),
    };
    report('people', 1, `Found ${people.clusters.length} ${people.clusters.length === 1 ? 'person' : 'people'}`);
    const { frames: samples, detections, detectorViews, landmarkRuns, embeddings, genders } = analyzer.counts();
    return {
      analysis,
      thumbnails,
      voiceSamples: heard.voiceSamples,
      embeddings: encodeTrackEmbeddings(embedderModelId(), people.trackEmbeddings),
      work: { samples, detections, detectorViews, landmarkRuns, embeddings, genders },
    };
  } finally {
    crops.close();
  }
}

/** A YouTube video's upload day, else the day the file says it was made; nothing when neither says. */
function publishedOf(source: { uploaded?: string | null }, probe: { created: string | null }): Pick<Analysis['video'], 'published'> {
  if (source.uploaded) return { published: { date: source.uploaded, from: 'youtube' } };
  return probe.created ? { published: { date: probe.created, from: 'file' } } : {};
}

function countSetAside(faces: Analysis['faces']): Analysis['setAside'] {
  const count = (reason: string) => faces.filter((f) => f.setAside === reason).length;
  return { tooSmall: count('too-small'), lowQuality: count('low-quality'), notFace: count('not-face') };
}

/** Vectors of different embedding models are not comparable: the id names the exact weights. */
function embedderModelId(): string {
  return `embedder:${getModelEntry('embedder').sha256.slice(0, 16)}`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
