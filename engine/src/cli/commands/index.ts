import type { Command } from '../command.js';

/** Every `onscreen` subcommand, in the order `--help` lists them. Add a command here (one line). */
export const COMMANDS: Command[] = [];
