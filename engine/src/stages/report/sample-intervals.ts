/**
 * Which stretch of the video each sampled frame stands for. Screen time is the length of the
 * stretches whose frame shows someone, so these boundaries decide every seconds figure.
 */

/** [start, end) in seconds. */
export type Interval = [start: number, end: number];

/**
 * Each sample stands for the time from the midpoint with the previous sample to the midpoint
 * with the next; a shot cut between two samples moves that boundary to the cut, and the first
 * and last samples extend to the video's start and end (or to the nearest cut before/after them).
 * So a person seen in every sample of a shot gets exactly the shot's duration, and no time is
 * counted across a cut, where the picture changed.
 *
 * If two or more cuts fall between two samples, the shot in between was never sampled: that
 * stretch belongs to no sample (nobody is known to be on screen there).
 *
 * `times` ascending; `cuts` are the times of the first frame of each new shot; `duration` of the
 * video. Results are clamped to [0, duration].
 */
export function sampleIntervals(times: readonly number[], cuts: readonly number[], duration: number): Interval[] {
  const end = Math.max(0, duration);
  const inside = [...cuts].filter((c) => c > 0 && c < end).sort((a, b) => a - b);
  const clamp = (t: number): number => Math.min(end, Math.max(0, t));
  const intervals: Interval[] = [];
  let previousEnd = clamp(lastCutIn(inside, 0, times[0] ?? 0) ?? 0);
  for (let i = 0; i < times.length; i += 1) {
    const t = times[i] as number;
    const next = times[i + 1];
    const start = previousEnd;
    let stop: number;
    if (next === undefined) {
      stop = firstCutIn(inside, t, end) ?? end;
      previousEnd = end;
    } else {
      const firstCut = firstCutIn(inside, t, next);
      stop = firstCut ?? (t + next) / 2;
      previousEnd = firstCut === null ? stop : (lastCutIn(inside, t, next) as number);
    }
    const clampedStart = clamp(start);
    intervals.push([clampedStart, Math.max(clampedStart, clamp(stop))]);
    previousEnd = clamp(previousEnd);
  }
  return intervals;
}

/**
 * For each pair of neighbouring samples (i, i + 1), whether a shot cut lies between them.
 * A boundary at a cut is exact; any other boundary between a seen and an unseen sample is
 * uncertain by half the gap between the two samples.
 */
export function cutsBetweenSamples(times: readonly number[], cuts: readonly number[]): boolean[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  const result: boolean[] = [];
  for (let i = 0; i + 1 < times.length; i += 1) {
    result.push(firstCutIn(sorted, times[i] as number, times[i + 1] as number) !== null);
  }
  return result;
}

/** Total length of the intervals of the given samples (sample intervals never overlap). */
export function secondsOfSamples(intervals: readonly Interval[], samples: Iterable<number>): number {
  let total = 0;
  for (const sample of new Set(samples)) {
    const interval = intervals[sample];
    if (interval) total += interval[1] - interval[0];
  }
  return total;
}

/** The first cut c with a < c <= b, or null. `cuts` ascending. */
function firstCutIn(cuts: readonly number[], a: number, b: number): number | null {
  const index = firstIndexAbove(cuts, a);
  const cut = cuts[index];
  return cut !== undefined && cut <= b ? cut : null;
}

/** The last cut c with a < c <= b, or null. `cuts` ascending. */
function lastCutIn(cuts: readonly number[], a: number, b: number): number | null {
  const index = firstIndexAbove(cuts, b) - 1;
  const cut = cuts[index];
  return cut !== undefined && cut > a ? cut : null;
}

/** Index of the first element strictly greater than x (binary search). */
function firstIndexAbove(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) > x) high = mid;
    else low = mid + 1;
  }
  return low;
}
