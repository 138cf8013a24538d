/**
 * The CSS width one chart is shown at in the report column, so the engine draws it at that size
 * (and twice that in pixels) instead of a 1600-pixel image shrunk until its text is hard to read.
 * Follows the column's size; rounded to 40 px steps so a small resize draws nothing again.
 */
import type { RefCallback } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** As in styles.css: `.os-charts` columns of at least 300 px with 16 px gaps; a chart's padding and border. */
const MIN_COLUMN = 300;
const GAP = 16;
const FRAME = 2 * 12 + 2;
const STEP = 40;
const SMALLEST = 320;

export function chartWidthIn(columnWidth: number): number {
  const columns = Math.max(1, Math.floor((columnWidth + GAP) / (MIN_COLUMN + GAP)));
  const shown = (columnWidth - GAP * (columns - 1)) / columns - FRAME;
  return Math.max(SMALLEST, Math.ceil(shown / STEP) * STEP);
}

export function useChartWidth(): [RefCallback<HTMLElement>, number | undefined] {
  const [width, setWidth] = useState<number | undefined>(undefined);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const measure = (): void => setWidth(chartWidthIn(element.clientWidth));
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
    measure();
  }, []);
  return [ref, width];
}
