/** Seconds on screen from per-sample visibility, and how uncertain those seconds are. */
import type { Interval } from './sample-intervals.js';

/** Total length of the intervals of the samples where `visible` holds. */
export function secondsVisible(intervals: readonly Interval[], visible: readonly boolean[]): number {
  let total = 0;
  intervals.forEach(([start, end], s) => {
    if (visible[s]) total += end - start;
  });
  return total;
}

/** Like secondsVisible, each sample weighted by a factor (e.g. the largest face's share of the frame). */
export function weightedSeconds(intervals: readonly Interval[], weights: ArrayLike<number>): number {
  let total = 0;
  intervals.forEach(([start, end], s) => {
    const weight = weights[s] ?? 0;
    if (weight > 0) total += (end - start) * weight;
  });
  return total;
}

/**
 * How far the seconds could be off because we only look at sampled frames: wherever visibility
 * changes between two neighbouring samples without a shot cut between them, the true moment of
 * change lies anywhere between the two samples, so that boundary is uncertain by half their gap.
 * Boundaries at cuts, or at the video's start and end, are exact.
 */
export function samplingUncertainty(times: readonly number[], hasCutAfter: readonly boolean[], visible: readonly boolean[]): number {
  let total = 0;
  for (let s = 0; s + 1 < times.length; s += 1) {
    if (Boolean(visible[s]) === Boolean(visible[s + 1]) || hasCutAfter[s]) continue;
    total += ((times[s + 1] as number) - (times[s] as number)) / 2;
  }
  return total;
}

/** Seconds of the video that no sample stands for (shots too short to be sampled). */
export function unsampledSeconds(intervals: readonly Interval[], duration: number): number {
  const covered = intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
  return Math.max(0, duration - covered);
}
