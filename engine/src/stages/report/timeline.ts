/** The timeline strip: who is on screen, second by second (or in coarser bins for long videos). */
import type { TimelineBin } from '../../../../shared/src/report.js';
import type { Interval } from './sample-intervals.js';

export const MAX_TIMELINE_BINS = 600;

/** 1 s bins, or the smallest whole number of seconds that keeps the timeline to MAX_TIMELINE_BINS bins. */
export function timelineBinSeconds(duration: number): number {
  return Math.max(1, Math.ceil(duration / MAX_TIMELINE_BINS));
}

/**
 * A bin is marked for a group when someone of the group is seen in a frame sampled inside the bin,
 * or is on screen for at least half of the bin. The first rule keeps brief appearances visible;
 * the second marks bins that fall between two samples of a longer appearance.
 */
export function timelineBins(
  duration: number,
  times: readonly number[],
  intervals: readonly Interval[],
  visible: { female: readonly boolean[]; male: readonly boolean[]; unknown: readonly boolean[] },
): { binSeconds: number; bins: TimelineBin[] } {
  const binSeconds = timelineBinSeconds(duration);
  const count = Math.max(0, Math.ceil(duration / binSeconds - 1e-9));
  const bins: TimelineBin[] = Array.from({ length: count }, (_, i) => ({ t: i * binSeconds, female: false, male: false, unknown: false }));
  for (const group of ['female', 'male', 'unknown'] as const) {
    const covered = new Float64Array(count);
    intervals.forEach(([start, end], s) => {
      if (!visible[group][s]) return;
      const seen = bins[Math.floor((times[s] as number) / binSeconds)];
      if (seen) seen[group] = true;
      for (let b = Math.floor(start / binSeconds); b < count && b * binSeconds < end; b += 1) {
        const overlap = Math.min(end, (b + 1) * binSeconds) - Math.max(start, b * binSeconds);
        if (overlap > 0) covered[b] = (covered[b] as number) + overlap;
      }
    });
    bins.forEach((bin, b) => {
      const length = Math.min(binSeconds, duration - b * binSeconds);
      if ((covered[b] as number) >= length / 2 - 1e-9) bin[group] = true;
    });
  }
  return { binSeconds, bins };
}

/** The stretches [start, end] of consecutive bins that pass `isMarked` (a timeline chart's lane). */
export function markedStretches(bins: readonly TimelineBin[], binSeconds: number, duration: number, isMarked: (bin: TimelineBin) => boolean): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  for (const bin of bins) {
    if (!isMarked(bin)) continue;
    const end = Math.min(duration, bin.t + binSeconds);
    const last = segments.at(-1);
    if (last && last[1] >= bin.t) last[1] = end;
    else segments.push([bin.t, end]);
  }
  return segments;
}
