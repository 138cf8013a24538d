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

/** A rectangle in page pixels (a DOMRect will do). */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Where the strip goes, measured: its top, in px from the progress bar's top. Under the bar when
 * the room between the bar and the controls below fits it (YouTube's default player has none),
 * else just above the bar, over the picture; never over a control, never outside the player.
 */
export function placeStrip(bar: Box, player: Box, controls: readonly Box[], height: number, gap = 1): number {
  const fits = (top: number): boolean =>
    top >= player.top && top + height <= player.bottom &&
    !controls.some((c) => c.top < top + height && c.bottom > top && c.left < bar.right && c.right > bar.left);
  const below = bar.bottom + gap;
  const above = bar.top - gap - height;
  return (fits(below) ? below : above) - bar.top;
}
