import { join, resolve } from 'node:path';
import type { Report } from '../../../../shared/src/report.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { writeFolderReport } from '../../services/analysis-folder.service.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import { describeSpeaking } from '../../../../shared/src/format/speaking.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen report <dir>

Writes the report for the analysis in <dir> with its current tags:
  report.html (to read, print or share), report.json, report.csv,
  charts/share.png, charts/timeline.png, charts/persons.png`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the screen-time report, CSV and charts',
  usage: USAGE,
  async run(args) {
    if (args.length !== 1) throw new OnscreenError('bad_request', USAGE);
    const dir = resolve(args[0] as string);
    const report = await writeFolderReport(dir);
    process.stdout.write(`${summarize(report, join(dir, 'report.html')).join('\n')}\n`);
    return 0;
  },
};

/** Five lines for the terminal (six with speaking time): the headline figures and where the report is. */
export function summarize(report: Report, htmlPath: string): string[] {
  const { female, male } = report.screenTime;
  const { people, femaleShareRange: range } = report;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `Women on screen: ${formatPercent(female.share)} of the time (${formatDuration(female.seconds)} of ${formatDuration(report.video.duration)}); range ${formatPercent(range.low)}–${formatPercent(range.high)}.`,
    `Men on screen:   ${formatPercent(male.share)} of the time (${formatDuration(male.seconds)}).`,
    report.femaleShareOfGendered === null
      ? 'Nobody is tagged as a woman or a man yet.'
      : `Of the time women or men are on screen, women have ${formatPercent(report.femaleShareOfGendered)}.`,
    `People: ${plural(people.female, 'woman', 'women')}, ${plural(people.male, 'man', 'men')}, ${people.unknown} unknown, ${people.untagged} untagged.`,
    ...(report.speakingTime ? [describeSpeaking(report.speakingTime)] : []),
    `Report: ${htmlPath} (also report.json, report.csv, charts/)`,
  ];
}
