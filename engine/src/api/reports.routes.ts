/** The report of a job, as JSON, CSV, a self-contained HTML page and chart PNGs; it follows the tags. */
import type { ApiContext } from './context.js';
import { REPORT_CSP } from './report-csp.js';
import type { AnyRoute } from './router.js';
import { chartQuerySchema, PARAMS } from './schemas.js';

const id = { id: PARAMS.id };
const NOT_READY = { 409: { description: 'The job is not analysed yet', schema: 'Error' } };

export function reportsRoutes(context: ApiContext): AnyRoute[] {
  const { reports } = context;
  const attachment = (jobId: string, ext: string) => ({ 'content-disposition': `inline; filename="onscreen-${jobId}.${ext}"`, 'cache-control': 'no-store' });
  return [
    {
      method: 'GET', path: '/api/v1/jobs/:id/report', access: 'token', tag: 'report', summary: 'The report (statistics, timeline, definitions) as it stands with the current tags.',
      params: id, responses: { 200: { description: 'Report', schema: 'Report' }, ...NOT_READY },
      handle: async ({ params }) => ({ status: 200, json: (await reports.render(params.id!)).report }),
    },
    {
      method: 'GET', path: '/api/v1/jobs/:id/report.csv', access: 'token', tag: 'report', summary: 'The report as CSV.',
      params: id, responses: { 200: { description: 'CSV', contentType: 'text/csv' }, ...NOT_READY },
      handle: async ({ params }) => ({ status: 200, body: (await reports.render(params.id!)).csv, contentType: 'text/csv; charset=utf-8', headers: attachment(params.id!, 'csv') }),
    },
    {
      method: 'GET', path: '/api/v1/jobs/:id/report.html', access: 'token', tag: 'report', summary: 'The report as a self-contained HTML page (charts and thumbnails inlined).',
      params: id, responses: { 200: { description: 'HTML', contentType: 'text/html' }, ...NOT_READY },
      handle: async ({ params }) => ({ status: 200, body: (await reports.render(params.id!)).html, contentType: 'text/html; charset=utf-8', headers: { ...attachment(params.id!, 'html'), 'content-security-policy': REPORT_CSP } }),
    },
    {
      method: 'GET', path: '/api/v1/jobs/:id/charts/:chart.png', access: 'token', tag: 'report',
      summary: 'A chart of the report: share, timeline or persons; `width` (CSS pixels, 320 to 1600) draws it at the size shown, at twice that in pixels.',
      params: { ...id, chart: PARAMS.chart },
      query: chartQuerySchema,
      responses: { 200: { description: 'PNG', contentType: 'image/png' }, 404: { description: 'No such chart', schema: 'Error' }, ...NOT_READY },
      handle: async ({ params, query }) => ({
        status: 200, body: await reports.chart(params.id!, params.chart as 'share', query.width), contentType: 'image/png', headers: { 'cache-control': 'no-store' },
      }),
    },
  ];
}
