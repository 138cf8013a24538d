import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.command.js';
import { botCommand } from './bot.command.js';
import { collectionCommand } from './collection.command.js';
import { demoCommand } from './demo.command.js';
import { mergeCommand } from './merge.command.js';
import { libraryCommand } from './library.command.js';
import { modelsCommand } from './models.command.js';
import { nameCommand } from './name.command.js';
import { reportCommand } from './report.command.js';
import { serveCommand } from './serve.command.js';
import { shareCommand } from './share.command.js';
import { speakerCommand } from './speaker.command.js';
import { splitCommand } from './split.command.js';
import { tagCommand } from './tag.command.js';
import { tokenCommand } from './token.command.js';
import { redoCommand, undoCommand } from './undo.command.js';
import { workerCommand } from './worker.command.js';

/** Every `onscreen` subcommand, in the order `--help` lists them. Add a command here (one line). */
export const COMMANDS: Command[] = [
  analyzeCommand,
  tagCommand,
  nameCommand,
  mergeCommand,
  splitCommand,
  speakerCommand,
  undoCommand,
  redoCommand,
  reportCommand,
  collectionCommand,
  libraryCommand,
  demoCommand,
  modelsCommand,
  serveCommand,
  workerCommand,
  tokenCommand,
  shareCommand,
  botCommand,
];
