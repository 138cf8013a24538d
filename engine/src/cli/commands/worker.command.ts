import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { Command } from '../command.js';
import { waitForShutdown } from '../shutdown.js';

const USAGE = `Usage: npx onscreen worker [--concurrency N]

Takes analysis jobs from Redis (REDIS_URL) and runs them; run as many as you like, on as many
machines as you like. Workers keep no state: results go back through the queue to the server.
Ctrl-C (SIGINT) or SIGTERM finishes the current jobs, then stops; a second one stops at once
and leaves the jobs to another worker.

Options:
  --concurrency N   jobs at once (ONSCREEN_CONCURRENCY, default 1; one per 2 cores is a fair start)`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'process analysis jobs from Redis (REDIS_URL)',
  usage: USAGE,
  async run(args, context) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { concurrency: { type: 'string' } } }));
    } catch (error) {
      throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
    }
    const config = context.serviceConfig({ concurrency: values.concurrency });
    const log = (line: string) => process.stderr.write(`onscreen worker: ${line}\n`);
    const worker = await context.startWorker(config, log);
    log(`${worker.name} waiting for jobs on queue "${config.queueName}" (concurrency ${config.concurrency})`);
    await waitForShutdown(
      async () => {
        log('finishing the current jobs, then stopping (again to stop now)');
        await worker.close();
      },
      async () => {
        log('stopping now; the current jobs go back to the queue');
        await worker.close(true);
      },
    );
    // Everything is closed; a Redis client still retrying an unreachable server must not keep the process alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
    return 0;
  },
};
