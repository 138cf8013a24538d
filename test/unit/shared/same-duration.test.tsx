/**
 * One duration format on every surface: the CLI's summary, the report's HTML and chart texts,
 * the tagging page and the extension (shared/src/ui), and the Slack messages all write the same
 * seconds the same way, because they all call shared/src/format/duration.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { formatDuration } from '../../../shared/src/format/duration.js';
import { KeyNumbers } from '../../../shared/src/ui/KeyNumbers.js';
import { buildSummaryMessage } from '../../../bot/src/blocks/summary.blocks.js';
import { summarize } from '../../../engine/src/cli/commands/report.command.js';
import { buildReportHtml } from '../../../engine/src/stages/report/report-html.js';
import { chartSpecs } from '../../../engine/src/stages/report/chart-specs.js';
import { makeReport } from '../bot/fixtures.js';

const CASES: Array<[seconds: number, text: string]> = [
  [7.25, '7.3 s'],
  [42, '42 s'],
  [120, '2 min'],
  [125, '2 min 5 s'],
  [3600, '1 h'],
  [3725, '1 h 2 min'],
];

test('the one duration format', () => {
  for (const [seconds, text] of CASES) assert.equal(formatDuration(seconds), text, String(seconds));
});

test('the CLI, the report HTML, the charts, the page and Slack write the same seconds the same way', () => {
  for (const [seconds, text] of CASES) {
    const report = makeReport();
    report.video.duration = seconds * 2;
    report.screenTime.female.seconds = seconds;
    report.persons = [{ id: 0, tag: 'female', tagOrigin: 'person', seconds, share: 0.5, thumbnail: null } as never];
    const long = formatDuration(seconds * 2);
    const surfaces: Record<string, string> = {
      cli: summarize(report, 'report.html')[0]!,
      html: buildReportHtml(report, { charts: { share: Buffer.alloc(0), timeline: Buffer.alloc(0), persons: Buffer.alloc(0) }, thumbnails: new Map() }),
      charts: chartSpecs(report).persons.alt,
      page: render(<KeyNumbers report={report} />),
      slack: buildSummaryMessage({ report, videoLabel: 'Evening news', reportUrl: 'https://engine.example/jobs/j1', finishedBy: null }).text,
    };
    for (const [surface, output] of Object.entries(surfaces)) {
      const expected = surface === 'slack' ? long : text;
      assert.ok(output.includes(expected), `${surface} writes ${seconds} s as "${expected}": ${output.slice(0, 300)}`);
    }
  }
});
