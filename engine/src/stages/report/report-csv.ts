/**
 * report.csv in a tidy long format: one figure per row, columns
 *   metric, group, value, unit, definition
 * so that a spreadsheet can filter or pivot it, and every row explains itself. `metric` is the
 * figure's path in report.json (without the group); shares are fractions 0–1; seconds have
 * millisecond precision. The per-second timeline is left to report.json.
 *
 * Written for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so
 * Excel shows accented titles correctly when the file is double-clicked. Text that a spreadsheet
 * would run as a formula (starting with = + - @) is prefixed with an apostrophe: video titles
 * come from the internet.
 */
import type { Report, SpeakingTime } from '../../../../shared/src/report.js';
import { GROUPS } from '../../../../shared/src/report.js';

export type CsvRow = [metric: string, group: string, value: string | number | null, unit: string, definition: string];

export const CSV_HEADER = ['metric', 'group', 'value', 'unit', 'definition'] as const;

export function buildReportCsv(report: Report): string {
  const d = report.definitions;
  const rows: CsvRow[] = [
    ['video.title', '', report.video.title, 'text', 'Title of the video, when known.'],
    ['video.source', '', report.video.source, 'text', 'File name or address the video came from.'],
    ['video.duration', '', report.video.duration, 'seconds', 'Running time of the video.'],
    ['sampling.fps', '', report.sampling.fps, 'frames per second', d['sampling.fps'] ?? ''],
    ['sampling.samples', '', report.sampling.samples, 'frames', 'Frames looked at.'],
    ['sampling.cuts', '', report.sampling.cuts, 'cuts', 'Cuts between shots found in the video.'],
    ['generatedAt', '', report.generatedAt, 'ISO 8601 date', 'When this report was computed.'],
  ];
  for (const group of GROUPS) {
    const figures = report.screenTime[group];
    rows.push(['screenTime.seconds', group, figures.seconds, 'seconds', d[`screenTime.${group}.seconds`] ?? '']);
    rows.push(['screenTime.share', group, figures.share, 'share (0-1)', d[`screenTime.${group}.share`] ?? '']);
    rows.push(['screenTime.personSeconds', group, figures.personSeconds, 'seconds', d[`screenTime.${group}.personSeconds`] ?? '']);
    rows.push(['screenTime.sizeWeightedSeconds', group, figures.sizeWeightedSeconds, 'seconds', d[`screenTime.${group}.sizeWeightedSeconds`] ?? '']);
  }
  rows.push(['femaleShareOfGendered', 'female', report.femaleShareOfGendered, 'share (0-1)', d.femaleShareOfGendered ?? '']);
  rows.push(['femaleShareRange.low', 'female', report.femaleShareRange.low, 'share (0-1)', d.femaleShareRange ?? '']);
  rows.push(['femaleShareRange.high', 'female', report.femaleShareRange.high, 'share (0-1)', d.femaleShareRange ?? '']);
  if (report.speakingTime) rows.push(...speakingRows(report.speakingTime, d));
  for (const [group, count] of Object.entries(report.people)) rows.push(['people', group, count, 'people', d[`people.${group}`] ?? '']);
  for (const [part, seconds] of Object.entries(report.coPresence)) rows.push(['coPresence', part, seconds, 'seconds', d[`coPresence.${part}`] ?? '']);
  for (const person of report.persons) {
    const group = `person ${person.id}`;
    rows.push(['person.tag', group, person.tag ?? 'untagged', 'tag', 'How this person was tagged: female, male, unknown or untagged.']);
    rows.push(['person.tagOrigin', group, person.tagOrigin ?? 'untagged', 'origin', 'Where the tag came from: person (tagged here), library (recognised from the people library), suggestion (accepted), or untagged.']);
    if (person.name) rows.push(['person.name', group, person.name, 'name', 'The name a person gave, or the recognised library person\'s name.']);
    rows.push(['person.seconds', group, person.seconds, 'seconds', 'Time this person is visible on screen.']);
    rows.push(['person.share', group, person.share, 'share (0-1)', 'This person\'s screen time as a share of the running time.']);
    rows.push(['person.faces', group, person.faces, 'faces', 'Sampled frames in which this person\'s face was found.']);
    if (person.speakingSeconds !== undefined) rows.push(['person.speakingSeconds', group, person.speakingSeconds, 'seconds', d['persons.speakingSeconds'] ?? '']);
  }
  for (const [key, value] of Object.entries(report.quality)) {
    rows.push([`quality.${key}`, '', value, key.startsWith('faces') ? 'faces' : 'people', d[`quality.${key}`] ?? '']);
  }
  return csvDocument(rows);
}

/** Speaking time (issue 14): the sound's status, the total, and each group's seconds and share, overall, seen and off screen. */
function speakingRows(s: SpeakingTime, d: Record<string, string>): CsvRow[] {
  const rows: CsvRow[] = [
    ['speakingTime.sound', '', s.sound === 'speech' ? 'speech' : `${s.sound} (no speech found)`, 'status', d['speakingTime.sound'] ?? ''],
    ['speakingTime.total', '', s.total, 'seconds', d['speakingTime.total'] ?? ''],
  ];
  for (const group of [...GROUPS, 'untagged'] as const) {
    rows.push(['speakingTime.seconds', group, s[group].seconds, 'seconds', d[`speakingTime.${group}.seconds`] ?? '']);
    rows.push(['speakingTime.share', group, s[group].share, 'share (0-1)', d[`speakingTime.${group}.share`] ?? '']);
    for (const where of ['onScreen', 'offScreen'] as const) {
      rows.push([`speakingTime.${where}.seconds`, group, s[where][group].seconds, 'seconds', d[`speakingTime.${where}`] ?? '']);
      rows.push([`speakingTime.${where}.share`, group, s[where][group].share, 'share (0-1)', d[`speakingTime.${where}`] ?? '']);
    }
  }
  rows.push(['speakingTime.onScreen.seconds', '', s.onScreen.seconds, 'seconds', d['speakingTime.onScreen'] ?? '']);
  rows.push(['speakingTime.offScreen.seconds', '', s.offScreen.seconds, 'seconds', d['speakingTime.offScreen'] ?? '']);
  rows.push(['speakingTime.femaleShareOfGendered', 'female', s.femaleShareOfGendered, 'share (0-1)', d['speakingTime.femaleShareOfGendered'] ?? '']);
  rows.push(['speakingTime.notSpeechSeconds', '', s.notSpeechSeconds, 'seconds', d['speakingTime.notSpeechSeconds'] ?? '']);
  return rows;
}

/** The rows as a spreadsheet-safe CSV document (header, quoting, CRLF, byte-order mark). */
export function csvDocument(rows: readonly CsvRow[]): string {
  return `\uFEFF${[CSV_HEADER as readonly string[], ...rows.map(formatRow)].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function formatRow([metric, group, value, unit, definition]: CsvRow): string[] {
  return [metric, group, formatValue(value), unit, definition].map(quote);
}

function formatValue(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(value < 1 && value > -1 ? 6 : 3)));
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
