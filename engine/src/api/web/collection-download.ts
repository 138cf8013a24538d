/** Saves a collection's exports: collection.json, .csv, .html and the chart PNGs (the API needs the token header). */
import type { CollectionChartName, OnscreenClient } from '../../../../shared/src/api/client.js';
import { saveBlob } from './download.js';

export type CollectionExport = 'json' | 'csv' | 'html' | CollectionChartName;

export const COLLECTION_EXPORTS: ReadonlyArray<{ format: CollectionExport; label: string }> = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'html', label: 'HTML' },
  { format: 'videos', label: 'PNG: per video' },
  { format: 'trend', label: 'PNG: trend' },
  { format: 'people', label: 'PNG: people' },
];

export async function downloadCollection(client: OnscreenClient, id: string, format: CollectionExport, period: 'month' | 'week'): Promise<void> {
  const name = `onscreen-collection-${id}`;
  if (format === 'json') {
    saveBlob(new Blob([JSON.stringify(await client.getCollectionReport(id, period), null, 2)], { type: 'application/json' }), `${name}.json`);
  } else if (format === 'csv' || format === 'html') {
    saveBlob(new Blob([await client.getCollectionFile(id, format, period)], { type: format === 'csv' ? 'text/csv' : 'text/html' }), `${name}.${format}`);
  } else {
    const png = await client.getCollectionChart(id, format, period);
    saveBlob(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), `${name}-${format}.png`);
  }
}
