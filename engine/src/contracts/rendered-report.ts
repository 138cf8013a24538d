import type { ChartName } from '../../../shared/src/api/client.js';
import type { Report } from '../../../shared/src/report.js';

/** The report in every form: figures, CSV, self-contained HTML and the chart PNGs (services/report.service.ts renders it). */
export interface RenderedReport {
  report: Report;
  csv: string;
  html: string;
  charts: Record<ChartName, Buffer>;
}
