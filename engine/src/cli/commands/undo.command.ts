import { resolve } from 'node:path';
import { describeAction } from '../../../../shared/src/edit-summary.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder, pendingFolderActions } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';

/** `undo` and `redo`: the same shared history as the page and the Slack bot, so they act on each other's edits too. */
function historyCommand(kind: 'undo' | 'redo'): Command {
  const usage = `Usage: npx onscreen ${kind} <dir> [--dry-run]

${kind === 'undo' ? 'Undoes the newest tag, merge or split still in effect in <dir> (again to undo the one before)' : 'Redoes the newest action undone in <dir>, unless an edit came after the undo'},
whoever made it (the CLI, the tagging page or the Slack bot). --dry-run only says what it would ${kind}.`;
  return {
    name: kind,
    summary: kind === 'undo' ? 'undo the newest tag, merge or split (says what and whose)' : 'redo the newest action undone',
    usage,
    async run(args) {
      const dirs = args.filter((a) => a !== '--dry-run');
      if (dirs.length !== 1) throw new OnscreenError('bad_request', usage);
      const dir = resolve(dirs[0]!);
      const pending = (await pendingFolderActions(dir))[kind];
      if (!pending) throw new OnscreenError(kind === 'undo' ? 'nothing_to_undo' : 'nothing_to_redo');
      const label = describeAction(pending);
      if (args.includes('--dry-run')) {
        process.stdout.write(`Would ${kind}: ${label}.\n`);
        return 0;
      }
      await editFolder(dir, [{ kind }], currentUser());
      process.stdout.write(`${kind === 'undo' ? 'Undone' : 'Redone'}: ${label}. Write the report again with: npx onscreen report ${dirs[0]}\n`);
      return 0;
    },
  };
}

export const undoCommand = historyCommand('undo');
export const redoCommand = historyCommand('redo');
