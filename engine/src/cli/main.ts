import { OnscreenError } from '../../../shared/src/errors.js';
import { applyEngineConfig } from '../config/apply-engine-config.js';
import { loadEngineConfig } from '../config/engine.config.js';
import { COMMANDS } from './commands/index.js';
import { startLauncherWatch } from './launcher-watch.js';

/** `onscreen <command> …`: dispatch, and turn expected failures into one line and an exit code. */
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
  // Under npx a signal sent to npx alone stops at npm's shell: see launcher-watch.ts.
  startLauncherWatch(process.env.npm_command);
  try {
    await applyEngineConfig(loadEngineConfig(process.env));
    process.exitCode = await command.run(args);
  } catch (error) {
    process.exitCode = reportError(error);
  }
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
