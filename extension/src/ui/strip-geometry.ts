/**
 * Geometry of the thin strip under YouTube's progress bar: where women (top lane) and men (bottom
 * lane) are on screen, as CSS percentages of the bar. Pure data, drawn by the timeline-strip feature.
 */
import { computeTimelineRuns, type TimelineLane } from '../../../shared/src/ui/timeline.js';
import type { Report } from '../../../shared/src/report.js';

export interface StripSegment {
  lane: TimelineLane;
  /** Percent of the bar's width. */
  left: number;
  width: number;
}

/** Narrower segments would vanish on a small player; a glimpse still deserves a mark. */
export const MIN_SEGMENT_PERCENT = 0.2;

/**
 * The strip's segments. `playerSeconds` is the player's own duration: the bar spans it, and it can
 * differ a little from the engine's, so positions are scaled to it when it is known.
 */
export function computeStripSegments(report: Pick<Report, 'timeline' | 'video'>, playerSeconds?: number | null): StripSegment[] {
  const duration = playerSeconds && Number.isFinite(playerSeconds) && playerSeconds > 0 ? playerSeconds : report.video.duration;
  return computeTimelineRuns(report.timeline, duration).map((run) => ({
    lane: run.lane,
    left: round(run.start * 100),
    width: round(Math.max((run.end - run.start) * 100, MIN_SEGMENT_PERCENT)),
  }));
}

/** Whether the report has anything to draw (someone tagged female or male is on screen). */
export function hasGenderedTime(report: Pick<Report, 'timeline'>): boolean {
  return report.timeline.bins.some((bin) => bin.female || bin.male);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
