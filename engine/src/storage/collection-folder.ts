/** The files of a collection report: collection.json, collection.csv, collection.html and its charts. */
import { join } from 'node:path';
import { COLLECTION_CHART_FILES } from '../stages/collection/collection-charts.js';
import type { CollectionReport } from '../../../shared/src/collection.js';
import { makePrivateFolder } from './private-files.js';
import { writeAtomic } from './write-atomic.js';

export interface CollectionFiles {
  collection: CollectionReport;
  csv: string;
  html: string;
  charts: Record<keyof typeof COLLECTION_CHART_FILES, Buffer>;
}

export async function writeCollectionFiles(dir: string, files: CollectionFiles): Promise<void> {
  await makePrivateFolder(dir); // the names people gave, per video: for this account only
  for (const [name, path] of Object.entries(COLLECTION_CHART_FILES)) await writeAtomic(join(dir, path), files.charts[name as keyof typeof COLLECTION_CHART_FILES]);
  await writeAtomic(join(dir, 'collection.csv'), files.csv);
  await writeAtomic(join(dir, 'collection.html'), files.html);
  await writeAtomic(join(dir, 'collection.json'), `${JSON.stringify(files.collection, null, 2)}\n`);
}
