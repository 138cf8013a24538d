/** Saves a report export: the API needs the token header, so a plain link cannot fetch it. */
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import { API_PREFIX } from '../../../../shared/src/api/types.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { ExportFormat } from '../../../../shared/src/ui/ReportView.js';

export async function downloadExport(client: OnscreenClient, token: string, jobId: string, format: ExportFormat): Promise<void> {
  saveBlob(await fetchExport(client, token, jobId, format), `onscreen-report-${jobId}.${format}`);
}

/** Hands a file to the browser's downloads. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function fetchExport(client: OnscreenClient, token: string, jobId: string, format: ExportFormat): Promise<Blob> {
  if (format === 'json') return new Blob([JSON.stringify(await client.getReport(jobId), null, 2)], { type: 'application/json' });
  if (format === 'csv') return new Blob([await client.getReportCsv(jobId)], { type: 'text/csv' });
  const response = await fetch(client.resolve(`${API_PREFIX}/jobs/${encodeURIComponent(jobId)}/report.html`), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new OnscreenError('internal', `The HTML report could not be downloaded (the engine answered ${response.status}).`);
  return response.blob();
}
