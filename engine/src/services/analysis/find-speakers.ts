/**
 * Who is speaking: inside each piece of speech, the faces already tracked are watched ten times a
 * second (their boxes interpolated between samples: the detector does not run again), the landmarks
 * model measures each mouth's opening, and the attribution stage compares it with the loudness.
 * Only the speech with someone on screen is decoded, one ffmpeg seek per stretch of speech.
 */
import type { SpanFrame, VideoProbe } from '../../adapters/ffmpeg.adapter.js';
import type { RunModel } from '../../stages/faces/face-models.js';
import type { Engine } from '../engine.js';
import { locateLandmarks } from '../../stages/faces/landmarks.js';
import { mouthOpening } from '../../stages/speech/mouth-opening.js';
import { planMouthWatch, targetsAt, type WatchTarget } from '../../stages/speech/mouth-watch.js';
import { attributeSpeakers, type Attribution, type LoudnessEnvelope, type MouthSample } from '../../stages/speech/speaker-attribution.js';
import type { PieceMouths } from '../../stages/speech/name-by-voice.js';
import type { Segment } from '../../stages/speech/speech-segments.js';
import type { TrackPath } from '../../stages/speech/track-paths.js';

/** Mouth measurements per second inside speech. */
export const WATCH_FPS = 10;
/** The faces' region is scaled down to at most this (longer side): the landmark crop is 64 pixels. */
const WATCH_MAX_SIDE = 640;

export interface SpeakersFound {
  /** For each piece: the person seen speaking (null: off screen) and how sure. */
  speakers: { person: number | null; confidence: number | null }[];
  samples: MouthSample[];
  /** For each piece, the moving mouths judged and how well each followed the sound (the voices step may name the piece later). */
  mouths: PieceMouths[];
  /** Seconds of video decoded to watch mouths. */
  watchedSeconds: number;
}

export async function findSpeakers(
  engine: Engine,
  path: string,
  video: VideoProbe,
  pieces: readonly Segment[],
  paths: readonly TrackPath[],
  loudness: LoudnessEnvelope,
  signal?: AbortSignal,
): Promise<SpeakersFound> {
  const plan = planMouthWatch(pieces, paths, video);
  const samples: MouthSample[] = [];
  const runModel: RunModel = (id, feeds) => engine.models.run(id, feeds);
  for await (const frame of engine.ffmpeg.streamSpanFrames(path, plan.spans, { fps: WATCH_FPS, maxSide: WATCH_MAX_SIDE, ...(signal ? { signal } : {}) })) {
    const targets = targetsAt(plan, frame.t);
    const openings = await Promise.all(targets.map((target) => measureMouth(frame, target, runModel)));
    targets.forEach((target, i) => samples.push({ piece: target.piece, track: target.path.track, t: frame.t, opening: openings[i]! }));
  }
  const personOf = new Map(paths.map((p) => [p.track, p.person]));
  const attributions = attributeSpeakers(pieces, samples, loudness, undefined, plan.groups);
  const speakers = attributions.map((a: Attribution) => ({
    person: a.track === null ? null : (personOf.get(a.track) ?? null),
    confidence: a.track === null || personOf.get(a.track) == null ? null : a.confidence,
  }));
  const mouths = attributions.map((a, i): PieceMouths => ({ start: pieces[i]![0], end: pieces[i]![1], candidates: a.candidates.map((c) => ({ person: personOf.get(c.track) ?? null, correlation: c.correlation })) }));
  return { speakers, samples, mouths, watchedSeconds: plan.spans.reduce((sum, span) => sum + (span.end - span.start), 0) };
}

/** The target's box moved into the picture's pixels (a crop of the source, scaled). */
async function measureMouth(frame: SpanFrame, target: WatchTarget, runModel: RunModel): Promise<number> {
  const [rx, ry] = frame.region;
  const [x, y, w, h] = [(target.box[0] - rx) * frame.scale, (target.box[1] - ry) * frame.scale, target.box[2] * frame.scale, target.box[3] * frame.scale];
  const { points, cropRect } = await locateLandmarks(frame, { x1: x, y1: y, x2: x + w, y2: y + h }, runModel);
  return mouthOpening(points, cropRect.width);
}
