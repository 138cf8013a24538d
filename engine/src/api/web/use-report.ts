/**
 * The report and its PNG charts, refreshed after each edit. Charts need the token header, which
 * an <img> cannot send, so they are fetched as bytes and shown through object URLs; only the
 * newest refresh wins, and the URLs it replaces are revoked.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChartName, OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Report } from '../../../../shared/src/report.js';

const CHART_NAMES: readonly ChartName[] = ['share', 'timeline', 'persons', 'heard', 'speaking'];
/** Charts only a report with speaking time has (issue 14): their absence (404) is no error. */
const OPTIONAL_CHARTS: ReadonlySet<ChartName> = new Set(['heard', 'speaking']);

export interface ReportState {
  report: Report | null;
  chartUrls: Partial<Record<ChartName, string>>;
  error: unknown;
  /** A refresh is in flight: the figures shown may be about to change. */
  isUpdating: boolean;
  refresh: () => Promise<void>;
}

/** `chartWidth`: the CSS width the charts are shown at, so they are drawn at that size (text stays legible). */
export function useReport(client: OnscreenClient, jobId: string, chartWidth?: number): ReportState {
  const width = useRef(chartWidth);
  width.current = chartWidth;
  /** The width the charts shown were drawn at. */
  const drawnAt = useRef<number | undefined>(undefined);
  const [report, setReport] = useState<Report | null>(null);
  const [chartUrls, setChartUrls] = useState<Partial<Record<ChartName, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [isUpdating, setUpdating] = useState(false);
  const latest = useRef(0);
  const shown = useRef<string[]>([]);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const drawing = width.current;
    setUpdating(true);
    try {
      const [next, ...charts] = await Promise.all([
        client.getReport(jobId),
        ...CHART_NAMES.map((name) => {
          const chart = client.getChart(jobId, name, width.current).then((bytes) => toObjectUrl(bytes, 'image/png'));
          return OPTIONAL_CHARTS.has(name) ? chart.catch(() => '') : chart;
        }),
      ]);
      const urls = (charts as string[]).filter(Boolean);
      if (ticket !== latest.current) return urls.forEach((url) => URL.revokeObjectURL(url));
      shown.current.forEach((url) => URL.revokeObjectURL(url));
      shown.current = urls;
      drawnAt.current = drawing;
      setReport(next as Report);
      setChartUrls(Object.fromEntries(CHART_NAMES.map((name, i) => [name, (charts as string[])[i]]).filter(([, url]) => url)));
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    } finally {
      if (ticket === latest.current) setUpdating(false);
    }
  }, [client, jobId]);

  // The column changed size (a window resized, a phone turned): draw the charts again at the new size.
  useEffect(() => {
    if (report && chartWidth !== drawnAt.current) void refresh();
  }, [report, chartWidth, refresh]);

  useEffect(() => () => shown.current.forEach((url) => URL.revokeObjectURL(url)), []);
  return { report, chartUrls, error, isUpdating, refresh };
}

export function toObjectUrl(bytes: Uint8Array, type: string): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}
