import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { Command } from '../command.js';
import { waitForShutdown } from '../shutdown.js';

const USAGE = `Usage: npx onscreen serve [--port N] [--host H] [--data-dir DIR]

Starts the engine's HTTP API and the tagging and report page. With no configuration it keeps
everything in DIR (SQLite and files) and runs the jobs itself; with REDIS_URL set it queues them
for \`npx onscreen worker\` processes on any number of machines.

Options (each also an environment variable; see "Running the service" in the README):
  --port N          port to listen on (PORT, default 8750)
  --host H          address to listen on (HOST, default 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir DIR    where jobs, results and tokens are kept (ONSCREEN_DATA_DIR, default ./data)

Clients need an API token: npx onscreen token create <name>`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the HTTP API and the tagging page',
  usage: USAGE,
  async run(args, context) {
    const { values } = parseFlags(args);
    const config = context.serviceConfig({ port: values.port, host: values.host, dataDir: values['data-dir'] });
    const service = await context.startServer(config);
    const mode = config.redisUrl ? `jobs queued on Redis (${redact(config.redisUrl)}) for \`npx onscreen worker\`` : 'jobs run in this process';
    process.stderr.write(`onscreen: serving ${service.url} (${mode}; data in ${config.dataDir})\n`);
    if (service.tokens.list().every((t) => t.revokedAt !== null)) {
      process.stderr.write('onscreen: no API token yet: create one with `npx onscreen token create <name>`.\n');
    }
    await waitForShutdown(async () => {
      process.stderr.write('onscreen: stopping (running jobs resume at the next start)\n');
      await service.close();
    });
    // Everything is closed; a Redis client still retrying an unreachable server must not keep the process alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
    return 0;
  },
};

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } } });
  } catch (error) {
    throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
