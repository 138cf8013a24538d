/**
 * Who is speaking in each piece of speech: the tracked face whose mouth opens and closes in step with
 * the voice's loudness. A face in a still photo has no mouth motion; a listener's lips move, but not
 * in step; when no face follows the voice, the speaker is off screen (null). Pure.
 */
import { mouthMotion } from './mouth-opening.js';
import type { Segment } from './speech-segments.js';

export interface MouthSample {
  piece: number;
  track: number;
  /** Seconds. */
  t: number;
  /** Inner-lip gap over face size (see mouth-opening.ts). */
  opening: number;
}

export interface LoudnessEnvelope {
  /** Root mean square of the sound per window, 0..1. */
  values: ArrayLike<number>;
  windowSeconds: number;
}

export interface AttributionSettings {
  /** Mouth measurements a face needs in a piece to be judged. */
  minSamples: number;
  /**
   * …and each face when several mouths move (a two-shot): telling a speaker from a listener by a
   * correlation needs more than a second of pictures (over 11, a chance 0.4 is common; on heard/dev
   * a 1.1 s piece went to the listener that way).
   */
  minSamplesAmongSeveral: number;
  /** Spread (standard deviation) of the mouth opening below which a mouth is taken as still. */
  minMotion: number;
  /** Correlation between mouth opening and loudness the only moving mouth on screen must reach. */
  minCorrelation: number;
  /** …and the best of several moving mouths: a listener beside the speaker makes a chance match likelier. */
  minCorrelationAmongSeveral: number;
  /** How far the best of several moving mouths must lead the next one; closer than this, nobody is named. */
  minLead: number;
  /** Loudness is averaged over this many seconds around each measurement. */
  loudnessSpan: number;
  /**
   * Seconds the sound follows the mouth: lips open before the sound comes. On the speaking-time
   * benchmark (sound and picture on one clock), 0.15-0.2 s names the most speakers and no listener.
   */
  lag: number;
  /**
   * The loudness is compared on a log scale (decibels, floored here: silence between words is not
   * minus infinity): the mouth opens with a syllable's level, and a shout would outweigh the rest
   * on a linear scale. On heard/dev, linear loudness named fewer speakers at every lag.
   */
  loudnessFloor: number;
}

export const ATTRIBUTION_SETTINGS: AttributionSettings = {
  minSamples: 5,
  minSamplesAmongSeveral: 20,
  minMotion: 0.008,
  // Over 20-40 measurements, a mouth unrelated to the voice reaches 0.2 by chance now and then.
  minCorrelation: 0.25,
  minCorrelationAmongSeveral: 0.3,
  minLead: 0.1,
  loudnessSpan: 0.1,
  lag: 0.15,
  loudnessFloor: 1e-4,
};

export interface Attribution {
  /** The track seen speaking, or null (off screen). */
  track: number | null;
  /** How well its mouth followed the voice (the correlation, 0..1); null when off screen. */
  confidence: number | null;
  /** The faces judged (mouths that moved, over enough measurements), best first: the evidence, for later steps. */
  candidates: MouthScore[];
}

export interface MouthScore {
  track: number;
  samples: number;
  motion: number;
  correlation: number;
}

/**
 * `groups[i]`: the piece whose judgement piece i shares (its samples are pooled with that piece's);
 * each piece on its own by default.
 */
export function attributeSpeakers(
  pieces: readonly Segment[],
  samples: readonly MouthSample[],
  loudness: LoudnessEnvelope,
  settings: AttributionSettings = ATTRIBUTION_SETTINGS,
  groups: readonly number[] = pieces.map((_, i) => i),
): Attribution[] {
  const pooled = samples.map((sample) => ({ ...sample, piece: groups[sample.piece] ?? sample.piece }));
  const judged = scoreMouths(pieces.length, pooled, loudness, settings).map((candidates) => {
    const moving = candidates.filter((c) => c.samples >= settings.minSamples && c.motion >= settings.minMotion);
    const [best, next] = moving.sort((a, b) => b.correlation - a.correlation);
    if (!best) return { track: null, confidence: null, candidates: moving };
    const isClear = next
      ? best.correlation >= settings.minCorrelationAmongSeveral && best.correlation - next.correlation >= settings.minLead && best.samples >= settings.minSamplesAmongSeveral && next.samples >= settings.minSamplesAmongSeveral
      : best.correlation >= settings.minCorrelation;
    return isClear ? { track: best.track, confidence: round3(Math.min(1, best.correlation)), candidates: moving } : { track: null, confidence: null, candidates: moving };
  });
  return pieces.map((_, i) => judged[groups[i] ?? i]!);
}

/** For each piece, each watched track's mouth motion and its correlation with the loudness. */
export function scoreMouths(pieceCount: number, samples: readonly MouthSample[], loudness: LoudnessEnvelope, settings: AttributionSettings = ATTRIBUTION_SETTINGS): MouthScore[][] {
  const groups = new Map<string, MouthSample[]>();
  for (const sample of samples) {
    const key = `${sample.piece}:${sample.track}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const scores: MouthScore[][] = Array.from({ length: pieceCount }, () => []);
  for (const group of groups.values()) {
    const openings = group.map((s) => s.opening);
    const envelope = group.map((s) => loudnessAt(loudness, s.t + settings.lag, settings.loudnessSpan, settings.loudnessFloor));
    scores[group[0]!.piece]!.push({ track: group[0]!.track, samples: group.length, motion: mouthMotion(openings), correlation: pearson(openings, envelope) });
  }
  return scores;
}

/** Mean loudness over `span` seconds centred on `t`; with a `floor`, the mean of the windows' log(loudness + floor). */
export function loudnessAt(loudness: LoudnessEnvelope, t: number, span: number, floor?: number): number {
  const { values, windowSeconds } = loudness;
  const from = Math.max(0, Math.floor((t - span / 2) / windowSeconds));
  const to = Math.min(values.length, Math.max(from + 1, Math.ceil((t + span / 2) / windowSeconds)));
  let sum = 0;
  for (let i = from; i < to; i++) sum += floor === undefined ? values[i]! : Math.log(values[i]! + floor);
  return to > from ? sum / (to - from) : 0;
}

/** Pearson correlation; 0 when either side does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
