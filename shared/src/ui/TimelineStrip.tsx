/** The two-lane strip of who is on screen when (women above, men below), as inline SVG. */
import type { JSX } from 'preact';
import type { Report } from '../report.js';
import { COLOURS, formatClock } from './format.js';
import { computeTimelineRuns } from './timeline.js';

export interface TimelineStripProps {
  timeline: Report['timeline'];
  duration: number;
  /** Pixel height of the strip (both lanes). */
  height?: number;
  /** Clicking the strip asks to show that moment (seconds). */
  onSeek?: ((seconds: number) => void) | undefined;
}

export function TimelineStrip({ timeline, duration, height = 28, onSeek }: TimelineStripProps): JSX.Element {
  const runs = computeTimelineRuns(timeline, duration);
  const onClick = onSeek
    ? (event: MouseEvent): void => {
        const box = (event.currentTarget as Element).getBoundingClientRect();
        onSeek(Math.max(0, Math.min(duration, ((event.clientX - box.left) / box.width) * duration)));
      }
    : undefined;
  return (
    <figure class="os-timeline">
      <div class="os-timeline__lanes">
        <span class="os-timeline__label" style={{ color: COLOURS.female }}>Women</span>
        <span class="os-timeline__label" style={{ color: COLOURS.male }}>Men</span>
      </div>
      <div class="os-timeline__track">
        <svg
          class={onSeek ? 'os-timeline__svg os-timeline__svg--seekable' : 'os-timeline__svg'}
          viewBox="0 0 1000 2"
          preserveAspectRatio="none"
          height={height}
          role="img"
          aria-label="When women (top lane) and men (bottom lane) are on screen"
          onClick={onClick}
        >
          <rect x="0" y="0" width="1000" height="2" class="os-timeline__bg" />
          {runs.map((run) => (
            <rect
              x={run.start * 1000}
              y={run.lane === 'female' ? 0 : 1}
              width={Math.max((run.end - run.start) * 1000, 0.5)}
              height="1"
              fill={COLOURS[run.lane]}
            />
          ))}
        </svg>
        <div class="os-timeline__ticks os-muted">
          <span>0:00</span>
          <span>{formatClock(duration / 2)}</span>
          <span>{formatClock(duration)}</span>
        </div>
      </div>
    </figure>
  );
}
