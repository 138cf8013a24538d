/** collection.csv: the same long format as report.csv (metric, group, value, unit, definition), one figure per row. */
import type { CollectionReport } from '../../../../shared/src/collection.js';
import { GROUPS } from '../../../../shared/src/report.js';
import { csvDocument, type CsvRow } from '../report/report-csv.js';

export function buildCollectionCsv(collection: CollectionReport): string {
  const d = collection.definitions;
  const { total } = collection;
  const rows: CsvRow[] = [
    ['name', '', collection.name, 'text', 'The collection.'],
    ['generatedAt', '', collection.generatedAt, 'ISO 8601 date', 'When this report was computed.'],
    ['total.videos', '', total.videos, 'videos', 'Videos in the collection.'],
    ['total.duration', '', total.duration, 'seconds', d['total.duration'] ?? ''],
  ];
  for (const group of GROUPS) {
    rows.push(['total.screenTime.seconds', group, total.screenTime[group].seconds, 'seconds', d[`total.screenTime.${group}.seconds`] ?? d['total.screenTime.female.seconds'] ?? '']);
    rows.push(['total.screenTime.share', group, total.screenTime[group].share, 'share (0-1)', d[`total.screenTime.${group}.share`] ?? '']);
  }
  rows.push(['total.femaleShareOfGendered', 'female', total.femaleShareOfGendered, 'share (0-1)', d['total.femaleShareOfGendered'] ?? '']);
  rows.push(['total.femaleShareRange.low', 'female', total.femaleShareRange.low, 'share (0-1)', d['total.femaleShareRange'] ?? '']);
  rows.push(['total.femaleShareRange.high', 'female', total.femaleShareRange.high, 'share (0-1)', d['total.femaleShareRange'] ?? '']);
  for (const [group, count] of Object.entries(total.people)) rows.push(['total.people', group, count, 'people', d.people ?? '']);
  for (const video of collection.videos) {
    const group = `video ${video.id}`;
    rows.push(['video.title', group, video.title ?? video.source, 'text', 'Title (or source) of the video.']);
    rows.push(['video.date', group, video.date, `date (${video.dateSource})`, d['videos.date'] ?? '']);
    rows.push(['video.duration', group, video.duration, 'seconds', 'Running time of the video.']);
    for (const g of GROUPS) rows.push([`video.screenTime.${g}.share`, group, video.screenTime[g].share, 'share (0-1)', `Share of this video's running time with at least one ${g === 'unknown' ? 'person tagged unknown' : g === 'female' ? 'woman' : 'man'} visible.`]);
    rows.push(['video.tagging.untagged', group, video.tagging.untagged, 'people', d['videos.tagging'] ?? '']);
  }
  for (const period of collection.periods) {
    for (const g of ['female', 'male'] as const) rows.push([`period.screenTime.${g}.share`, period.period, period.screenTime[g].share, 'share (0-1)', d.periods ?? '']);
  }
  for (const person of collection.people) {
    rows.push(['person.seconds', person.name ?? person.key, person.seconds, 'seconds', d.people ?? '']);
  }
  return csvDocument(rows);
}
