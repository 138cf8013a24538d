/**
 * The two-lane "who is on screen when" strip (women above, men below), framework-free so the
 * extension can draw it under YouTube's progress bar as well as the page's TimelineStrip.
 */
import type { Report } from '../report.js';
import { COLOURS } from './format.js';

export type TimelineLane = 'female' | 'male';
export const TIMELINE_LANES: readonly TimelineLane[] = ['female', 'male'];

/** A stretch where a lane is occupied, as fractions (0..1) of the video's duration. */
export interface TimelineRun {
  lane: TimelineLane;
  start: number;
  end: number;
}

export interface TimelineSize {
  width: number;
  height: number;
}

/** Joins neighbouring bins into runs, so a strip of 10,000 bins draws as a few dozen shapes. */
export function computeTimelineRuns(timeline: Report['timeline'], duration: number): TimelineRun[] {
  const runs: TimelineRun[] = [];
  if (!(duration > 0)) return runs;
  for (const lane of TIMELINE_LANES) {
    let open: TimelineRun | null = null;
    for (const bin of timeline.bins) {
      const start = clamp(bin.t / duration);
      const end = clamp((bin.t + timeline.binSeconds) / duration);
      if (!bin[lane]) {
        open = null;
        continue;
      }
      if (open && start <= open.end + 1e-9) open.end = Math.max(open.end, end);
      else runs.push((open = { lane, start, end }));
    }
  }
  return runs;
}

/** A standalone SVG document of the strip (e.g. for `innerHTML` or an `<img src="data:…">`). */
export function buildTimelineSvg(
  timeline: Report['timeline'],
  duration: number,
  size: TimelineSize = { width: 1000, height: 12 },
  title = 'Women (top) and men (bottom) on screen over time',
): string {
  const laneHeight = size.height / 2;
  const rects = computeTimelineRuns(timeline, duration).map((run) => {
    const x = round(run.start * size.width);
    const width = Math.max(round((run.end - run.start) * size.width), 0.5);
    const y = run.lane === 'female' ? 0 : laneHeight;
    return `<rect x="${x}" y="${y}" width="${width}" height="${laneHeight}" fill="${COLOURS[run.lane]}"/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" ` +
    `viewBox="0 0 ${size.width} ${size.height}" preserveAspectRatio="none" role="img">` +
    `<title>${escapeXml(title)}</title>${rects.join('')}</svg>`
  );
}

/** The drawing calls used from a canvas; a subset of CanvasRenderingContext2D. */
export interface Canvas2DLike {
  fillStyle: string | CanvasGradient | CanvasPattern;
  fillRect(x: number, y: number, width: number, height: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
}

/** Draws the strip onto a canvas context, filling `size` (clears it first). */
export function drawTimeline(context: Canvas2DLike, timeline: Report['timeline'], duration: number, size: TimelineSize): void {
  context.clearRect(0, 0, size.width, size.height);
  const laneHeight = size.height / 2;
  for (const run of computeTimelineRuns(timeline, duration)) {
    context.fillStyle = COLOURS[run.lane];
    const width = Math.max((run.end - run.start) * size.width, 1);
    context.fillRect(run.start * size.width, run.lane === 'female' ? 0 : laneHeight, width, laneHeight);
  }
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}
