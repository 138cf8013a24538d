import { OnscreenError } from '../../../shared/src/errors.js';
import { loadEngineConfig } from '../config/engine.config.js';
import { loadServiceConfig } from '../config/service.config.js';
import { createEngine } from '../services/engine.js';
import type { CliContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { restrictNewFiles } from '../storage/private-files.js';
import { startLauncherWatch } from './launcher-watch.js';

/**
 * `onscreen <command> …`, the CLI's composition root: parses the engine settings once, builds the
 * engine from them, dispatches, and turns expected failures into one line and an exit code.
 */
export async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(formatHelp());
    return;
  }
  if (!command) {
    process.stderr.write(`onscreen: unknown command "${name}". Run \`npx onscreen --help\`.\n`);
    process.exitCode = 2;
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage.trim()}\n`);
    return;
  }
  // Analyses hold faces, face signatures and voices: whatever the user's umask, what the command
  // line writes (and ffmpeg, its child, writes in its scratch folder) is for this account only.
  restrictNewFiles();
  // Under npx a signal sent to npx alone stops at npm's shell: see launcher-watch.ts.
  startLauncherWatch(process.env.npm_command);
  try {
    process.exitCode = await command.run(args, createCliContext(process.env));
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** The settings of the environment, parsed once, and the engine built on them (tests call commands with it too). */
export function createCliContext(env: NodeJS.ProcessEnv): CliContext {
  const config = loadEngineConfig(env);
  return {
    engine: createEngine(config),
    libraryDir: config.libraryDir,
    serviceConfig: (flags) => loadServiceConfig(flags, env),
    // Loaded on demand: `onscreen tag` never loads the server.
    startServer: async (service) => (await import('../api/start-service.js')).startService(service),
    startWorker: async (service, log) => (await import('../roots/worker.root.js')).startWorker(service, { log }),
    startBot: async (port) => {
      const [{ parseBotConfig }, { startBot }] = await Promise.all([import('../../../bot/src/config.js'), import('../../../bot/src/app.js')]);
      return startBot(parseBotConfig(env, { port }));
    },
  };
}

function formatHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `onscreen: who is on screen, and for how long.\n\nUsage: npx onscreen <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`npx onscreen <command> --help\` for a command's options.\n`;
}

/** An expected error prints its message only; anything else prints its stack, for a bug report. */
export function reportError(error: unknown): number {
  if (error instanceof OnscreenError) {
    process.stderr.write(`onscreen: ${error.message}${error.hint ? `\n  ${error.hint}` : ''}\n`);
    return error.code === 'bad_request' ? 2 : 1;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`onscreen: unexpected failure; please report it with this output.\n${detail}\n`);
  return 70;
}
