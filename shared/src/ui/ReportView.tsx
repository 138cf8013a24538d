/**
 * The report as a reader sees it: key numbers, the timeline, the charts, co-presence, the
 * definitions and the exports. Chart images and export links come in as props (URLs the caller
 * can reach), so this works the same on the engine's page and in the extension.
 */
import type { JSX } from 'preact';
import type { ChartName } from '../api/client.js';
import { describeSpeaking } from '../format/speaking.js';
import type { Report } from '../report.js';
import { CoPresenceBar } from './CoPresenceBar.js';
import { Definitions } from './Definitions.js';
import { countPeople } from './format.js';
import { KeyNumbers } from './KeyNumbers.js';
import { TimelineStrip } from './TimelineStrip.js';

export type ExportFormat = 'csv' | 'json' | 'html';

export interface ReportViewProps {
  report: Report;
  /** Image URLs of the PNG charts; a missing one is left out. */
  chartUrls?: Partial<Record<ChartName, string>>;
  /** Plain links to the exports, where the caller can give reachable URLs… */
  exportUrls?: Partial<Record<ExportFormat, string>>;
  /** …or a callback that fetches and saves them (e.g. when the API needs a token header). */
  onExport?: ((format: ExportFormat) => void) | undefined;
  onSeek?: ((seconds: number) => void) | undefined;
}

const CHARTS: Array<{ name: ChartName; caption: string }> = [
  { name: 'share', caption: 'Screen time by gender' },
  { name: 'timeline', caption: 'Who is on screen over time' },
  { name: 'persons', caption: 'Screen time per person' },
  { name: 'heard', caption: 'Seen and heard: women\'s and men\'s share of screen time and of speaking time' },
  { name: 'speaking', caption: 'Speaking time per person' },
];

const EXPORTS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'csv', label: 'Spreadsheet (CSV)' },
  { format: 'json', label: 'Data (JSON)' },
  { format: 'html', label: 'Report (HTML)' },
];

export function ReportView({ report, chartUrls = {}, exportUrls, onExport, onSeek }: ReportViewProps): JSX.Element {
  const charts = CHARTS.filter((chart) => chartUrls[chart.name]);
  return (
    <section class="os-report" aria-label="Report">
      {report.people.untagged > 0 && (
        <p class="os-notice">
          {countPeople(report.people.untagged)} not tagged yet: the figures will change as you tag. The likely range
          counts them all as women, then none.
        </p>
      )}
      <KeyNumbers report={report} />
      <h3 class="os-subhead">On screen over time</h3>
      <TimelineStrip timeline={report.timeline} duration={report.video.duration} onSeek={onSeek} />
      {report.speakingTime && (
        <>
          <h3 class="os-subhead">Who is heard</h3>
          <p class="os-speaking">{describeSpeaking(report.speakingTime)}</p>
        </>
      )}
      <h3 class="os-subhead">Together or apart</h3>
      <CoPresenceBar coPresence={report.coPresence} duration={report.video.duration} />
      {charts.length > 0 && (
        <div class="os-charts">
          {charts.map((chart) => (
            <figure class="os-chart" data-chart={chart.name}>
              <img src={chartUrls[chart.name]} alt={chart.caption} />
              <figcaption>{chart.caption}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <Definitions definitions={report.definitions} />
      {(exportUrls || onExport) && (
        <div class="os-exports">
          <span>Download:</span>
          {EXPORTS.map(({ format, label }) =>
            exportUrls?.[format] ? (
              <a class="os-button" href={exportUrls[format]} download>
                {label}
              </a>
            ) : onExport ? (
              <button type="button" class="os-button" onClick={() => onExport(format)}>
                {label}
              </button>
            ) : null,
          )}
        </div>
      )}
    </section>
  );
}
