import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, Tag } from '../../../shared/src/analysis.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { CSV_HEADER, buildReportCsv } from '../../../engine/src/stages/report/report-csv.js';
import { buildReportHtml } from '../../../engine/src/stages/report/report-html.js';
import { makeAnalysis, range } from './analysis-fixture.js';

// 10 s at 2 samples/s: woman samples 0–5 → [0, 2.75] = 2.75 s; man samples 10–17 → [4.75, 8.75] = 4 s.
const analysis = makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 6), female: 0.9 }], [{ samples: range(10, 8), female: 0.1 }], [{ samples: [19] }]] });
analysis.video.title = '=HYPERLINK("http://x"), <script>alert(1)</script> "quoted"';
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at: '2024-01-01T00:00:00Z' });
const report = buildReport(analysis, [tag(0, 'female'), tag(1, 'male')], new Date('2024-01-02T00:00:00Z'));

/** RFC 4180 reader, enough for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') isQuoted = false;
      else cell += c;
    } else if (c === '"') isQuoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

test('the CSV is tidy: one figure per row with its unit and definition', () => {
  const csv = buildReportCsv(report);
  assert.ok(csv.startsWith('\uFEFFmetric,group,value,unit,definition\r\n'), 'BOM, header, CRLF');
  const rows = parseCsv(csv.slice(1));
  assert.deepEqual(rows[0], [...CSV_HEADER]);
  assert.ok(rows.every((r) => r.length === 5), 'five cells in every row');
  const find = (metric: string, group: string) => rows.find((r) => r[0] === metric && r[1] === group);
  assert.deepEqual(find('screenTime.seconds', 'female')?.slice(2, 4), ['2.75', 'seconds']);
  assert.deepEqual(find('screenTime.share', 'male')?.slice(2, 4), ['0.4', 'share (0-1)']);
  assert.equal(find('femaleShareOfGendered', 'female')?.[2], String(Number((2.75 / 6.75).toFixed(6))));
  assert.equal(find('people', 'untagged')?.[2], '1');
  assert.equal(find('person.tag', 'person 2')?.[2], 'untagged');
  assert.match(find('screenTime.seconds', 'female')?.[4] ?? '', /at least one woman/);
});

test('the CSV defuses titles a spreadsheet would run as formulas, and keeps quotes intact', () => {
  const rows = parseCsv(buildReportCsv(report).slice(1));
  const title = rows.find((r) => r[0] === 'video.title')?.[2];
  assert.equal(title, `'${analysis.video.title}`);
});

test('the HTML page is self-contained, escaped and accessible', () => {
  const png = Buffer.from('png-bytes');
  const thumbnails = new Map([[report.persons[0]!.thumbnail, Buffer.from('jpeg-bytes')]]);
  const html = buildReportHtml(report, { charts: { share: png, timeline: png, persons: png }, thumbnails });
  assert.ok(html.startsWith('<!doctype html>'));
  assert.match(html, /<html lang="en">/);
  assert.doesNotMatch(html, /<script>/, 'the title is escaped');
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;quoted&quot;/);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no external resources');
  assert.equal(html.match(/src="data:image\/png;base64,/g)?.length, 3, 'three charts embedded');
  assert.equal(html.match(/src="data:image\/jpeg;base64,/g)?.length, 1, 'only thumbnails that exist');
  for (const img of html.match(/<img [^>]*>/g) ?? []) assert.match(img, /alt="[^"]{5,}"/, `alt text on ${img.slice(0, 60)}`);
  assert.match(html, /<th scope="col"/);
  assert.match(html, /<th scope="row">Person 1<\/th>/);
  assert.match(html, /@media print/);
  assert.match(html, /Women on screen<\/dt><dd>28%/);
});

test('the quality section says how many people are flagged "check: may be two people"', () => {
  const doubtful = makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 4) }, { samples: range(10, 4) }]] });
  doubtful.clusters[0]!.doubt = { reason: 'two-groups', groups: [[0], [1]], similarity: 0.33 };
  const html = buildReportHtml(buildReport(doubtful, [], new Date('2024-01-02T00:00:00Z')), { charts: { share: Buffer.from(''), timeline: Buffer.from(''), persons: Buffer.from('') }, thumbnails: new Map() });
  const quality = html.slice(html.indexOf('<h2 id="quality">'), html.indexOf('<section aria-labelledby="definitions">'));
  assert.match(quality, /<th scope="row">People flagged &quot;check: may be two people&quot;[^<]*<\/th><td class="num">1<\/td>/);
});
