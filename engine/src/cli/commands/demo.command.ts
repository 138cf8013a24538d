import { parseArgs } from 'node:util';
import { fetchModels } from '../../services/models.service.js';
import { ensureSampleVideo } from '../../services/sample-video.js';
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.command.js';

const USAGE = `Usage: npx onscreen demo [--out <dir>] [--json]

Fetches the models if needed, composes the bundled sample video (group photos from the
MIT-licensed @vladmandic/face-api package), analyses it, accepts the suggested genders and
writes the report (report.html, report.json, report.csv, charts/*.png) into <dir>
(default ./onscreen-demo).`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'analyse the bundled sample video end to end',
  usage: USAGE,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, json: { type: 'boolean' } } });
    const log = (line: string) => process.stderr.write(`${line}\n`);
    await fetchModels(context.engine, { log });
    const sample = await ensureSampleVideo(context.engine, log);
    return analyzeCommand.run([sample, '--out', values.out ?? 'onscreen-demo', '--auto', ...(values.json ? ['--json'] : [])], context);
  },
};
