import type { ChartName, SpeechChartName } from '../../../shared/src/api/client.js';
import type { Report } from '../../../shared/src/report.js';

/** The report in every form: figures, CSV, self-contained HTML and the chart PNGs (services/report.service.ts renders it). */
export interface RenderedReport {
  report: Report;
  csv: string;
  html: string;
  /** The speech charts only when the report has speaking time. */
  charts: Record<Exclude<ChartName, SpeechChartName>, Buffer> & Partial<Record<SpeechChartName, Buffer>>;
}
