import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.command.js';
import { botCommand } from './bot.command.js';
import { collectionCommand } from './collection.command.js';
import { demoCommand } from './demo.command.js';
import { mergeCommand } from './merge.command.js';
import { modelsCommand } from './models.command.js';
import { reportCommand } from './report.command.js';
import { serveCommand } from './serve.command.js';
import { splitCommand } from './split.command.js';
import { tagCommand } from './tag.command.js';
import { tokenCommand } from './token.command.js';
import { redoCommand, undoCommand } from './undo.command.js';
import { workerCommand } from './worker.command.js';

/** Every `onscreen` subcommand, in the order `--help` lists them. Add a command here (one line). */
export const COMMANDS: Command[] = [
  analyzeCommand,
  tagCommand,
  mergeCommand,
  splitCommand,
  undoCommand,
  redoCommand,
  reportCommand,
  collectionCommand,
  demoCommand,
  modelsCommand,
  serveCommand,
  workerCommand,
  tokenCommand,
  botCommand,
];
