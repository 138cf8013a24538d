import { basename, resolve } from 'node:path';
import type { CollectionReport } from '../../../../shared/src/collection.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { writeFolderCollection } from '../../services/collection.service.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen collection report <out-dir> <analysis-dir> <analysis-dir> … [options]

Adds up the analyses (each analysed and tagged on its own) into one report across the videos:
  <out-dir>/collection.html, collection.json, collection.csv,
  charts/videos.png (shares per video), charts/trend.png (per month or week), charts/people.png

Options:
  --name TEXT               the collection's name (default: the output folder's name)
  --period month|week       how the trend is grouped (default: month)
  --date <dir>=YYYY-MM-DD   the date of one video (repeatable); otherwise its YouTube upload date or
                            the creation time in the file, else the day it was analysed`;

export const collectionCommand: Command = {
  name: 'collection',
  summary: 'report across several analyses (a programme, a channel, a month)',
  usage: USAGE,
  async run(args) {
    const [sub, out, ...rest] = args;
    if (sub !== 'report' || !out) throw new OnscreenError('bad_request', USAGE);
    const { dirs, name, periodKind, dates } = parseOptions(rest, out);
    const outDir = resolve(out);
    const collection = await writeFolderCollection(outDir, dirs, { name, periodKind, dates });
    process.stdout.write(`${summarize(collection, `${outDir}/collection.html`).join('\n')}\n`);
    return 0;
  },
};

function parseOptions(args: string[], out: string) {
  const dirs: string[] = [];
  const dates = new Map<string, string>();
  let name = basename(resolve(out));
  let periodKind: 'month' | 'week' = 'month';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new OnscreenError('bad_request', `${arg} needs a value.\n${USAGE}`);
      return next;
    };
    if (arg === '--name') name = value();
    else if (arg === '--period') {
      const period = value();
      if (period !== 'month' && period !== 'week') throw new OnscreenError('bad_request', `--period takes month or week, not "${period}".`);
      periodKind = period;
    } else if (arg === '--date') {
      const match = /^(.+)=([^=]+)$/.exec(value());
      if (!match) throw new OnscreenError('bad_request', `--date takes <analysis-dir>=YYYY-MM-DD.\n${USAGE}`);
      dates.set(resolve(match[1] as string), match[2] as string);
    } else if (arg.startsWith('--')) throw new OnscreenError('bad_request', `Unknown option ${arg}.\n${USAGE}`);
    else if (!dirs.includes(resolve(arg))) dirs.push(resolve(arg));
  }
  if (dirs.length === 0) throw new OnscreenError('bad_request', `Name at least one analysis folder.\n${USAGE}`);
  for (const dir of dates.keys()) {
    if (!dirs.includes(dir)) throw new OnscreenError('bad_request', `--date names ${dir}, which is not one of the analyses listed.`);
  }
  if (!name.trim() || name.length > 200) throw new OnscreenError('bad_request', 'The collection needs a name of 1 to 200 characters (--name).');
  return { dirs, name, periodKind, dates };
}

function summarize(collection: CollectionReport, htmlPath: string): string[] {
  const { total } = collection;
  const range = `${formatPercent(total.femaleShareRange.low)}–${formatPercent(total.femaleShareRange.high)}`;
  const untagged = collection.videos.reduce((n, v) => n + v.tagging.untagged, 0);
  return [
    `${total.videos} videos, ${formatDuration(total.duration)} in all.`,
    `Women on screen: ${formatPercent(total.screenTime.female.share)} of the time (${formatDuration(total.screenTime.female.seconds)}); range ${range}.`,
    `Men on screen:   ${formatPercent(total.screenTime.male.share)} of the time (${formatDuration(total.screenTime.male.seconds)}).`,
    ...(untagged > 0 ? [`${untagged} people are still untagged across the videos: tag them for firm figures.`] : []),
    `Report: ${htmlPath} (also collection.json, collection.csv, charts/)`,
  ];
}
