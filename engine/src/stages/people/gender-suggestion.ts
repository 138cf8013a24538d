/**
 * The classifier's suggestion for a person, from the gender estimates of their tracks.
 * A suggestion only: a person always decides the tag.
 */
import type { Suggestion, Track } from '../../../../shared/src/analysis.js';

/**
 * Most weight one track may carry (its weight is the sum of its judged faces' qualities).
 * Without a cap a long, steady shot would outvote every other appearance of the person,
 * and one shot's lighting or make-up is exactly the error we want other shots to correct.
 */
export const MAX_TRACK_WEIGHT = 4;

/**
 * Weight of a neutral prior (probability 0.5). It pulls thin evidence towards "unsure",
 * so one blurry face cannot produce a confident suggestion.
 */
export const PRIOR_WEIGHT = 0.5;

/** Keeps log-odds finite when a model answers exactly 0 or 1. */
const PROBABILITY_FLOOR = 1e-3;

/**
 * Combines the tracks' `female` probabilities in log-odds, each track weighted by its
 * `genderWeight` (capped). Averaging log-odds rather than adding them treats the tracks of one
 * person as correlated views, not independent witnesses: ten shots of the same face do not
 * make the classifier ten times surer. Returns null when no track was judged, or when the
 * evidence leans neither way.
 */
export function suggestGender(tracks: readonly Track[]): Suggestion | null {
  let weightedLogit = 0;
  let totalWeight = 0;
  for (const track of tracks) {
    if (track.female === null || !Number.isFinite(track.female) || !(track.genderWeight > 0)) continue;
    const weight = Math.min(track.genderWeight, MAX_TRACK_WEIGHT);
    weightedLogit += weight * logit(track.female);
    totalWeight += weight;
  }
  if (totalWeight === 0) return null;
  const female = sigmoid(weightedLogit / (totalWeight + PRIOR_WEIGHT));
  if (female === 0.5) return null;
  return female > 0.5 ? { gender: 'female', confidence: female } : { gender: 'male', confidence: 1 - female };
}

function logit(p: number): number {
  const clamped = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, p));
  return Math.log(clamped / (1 - clamped));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
