/**
 * How unlike two stretches of speech sound, 0 for the same: the larger of two parts, so that
 * either alone can keep two voices apart:
 *   - timbre: the difference of the mean MFCCs (c1–c12), each in units of the coefficient's
 *     spread within the two stretches, root-mean-squared over the coefficients;
 *   - pitch: the difference of the median pitches in semitones, scaled by `pitchWeight`.
 * Measured on ../shared/eval/heard/dev: one speaker's stretches from one recording are mostly
 * 0.05–0.37 apart in timbre (one speaker's two parts of a clip up to 0.79), different speakers of
 * the same gender 0.52 and more. The two overlap: the grouping's threshold (0.40) sits below the
 * overlap, so one voice may come out as two, while two people should not come out as one. Pure.
 */
import { semitonesOf, summarize, type VoiceFeatures, type VoiceSummary } from './voice-features.js';

export interface DistanceSettings {
  /** Distance per semitone of median pitch. */
  pitchWeight: number;
}

export const DISTANCE_SETTINGS: DistanceSettings = { pitchWeight: 0.15 };

export function voiceDistance(a: VoiceFeatures | VoiceSummary, b: VoiceFeatures | VoiceSummary, settings: DistanceSettings = DISTANCE_SETTINGS): number {
  const x = 'mfccMean' in a ? a : summarize(a);
  const y = 'mfccMean' in b ? b : summarize(b);
  let sum = 0;
  let used = 0;
  for (let k = 1; k < x.mfccMean.length; k++) {
    const pooled = (x.mfccStd[k]! ** 2 + y.mfccStd[k]! ** 2) / 2;
    if (!(pooled > 1e-9)) continue;
    sum += (x.mfccMean[k]! - y.mfccMean[k]!) ** 2 / pooled;
    used++;
  }
  const timbre = used > 0 ? Math.sqrt(sum / used) : Number.POSITIVE_INFINITY;
  const pitch = x.pitchHz !== null && y.pitchHz !== null ? Math.abs(semitonesOf(x.pitchHz) - semitonesOf(y.pitchHz)) * settings.pitchWeight : 0;
  return Math.max(timbre, pitch);
}
