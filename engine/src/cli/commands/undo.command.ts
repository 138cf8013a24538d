import { resolve } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { describeAction } from '../../../../shared/src/edit-summary.js';
import { pendingActions } from '../../stages/people/edits.js';
import { readAnalysis, readEdits } from '../../storage/analysis-folder.js';
import type { Command } from '../command.js';
import { recordEdits, stamp } from './tag.command.js';

/** `undo` and `redo`: the same shared history as the page and the Slack bot, so they undo each other's edits too. */
function historyCommand(kind: 'undo' | 'redo'): Command {
  const usage = `Usage: npx onscreen ${kind} <dir> [--dry-run]

${kind === 'undo' ? 'Takes back the newest tagging action still in effect' : 'Brings back the newest action undone'}, whoever made it
(the CLI, the tagging page or the Slack bot). --dry-run only says what it would ${kind}.`;
  return {
    name: kind,
    summary: kind === 'undo' ? 'undo the newest tagging action (says what and whose)' : 'redo the newest tagging action undone',
    usage,
    async run(args) {
      const dir = args.find((a) => !a.startsWith('--'));
      if (!dir) throw new OnscreenError('bad_request', usage);
      const folder = resolve(dir);
      const pending = pendingActions(await readAnalysis(folder), await readEdits(folder))[kind];
      if (!pending) throw new OnscreenError(kind === 'undo' ? 'nothing_to_undo' : 'nothing_to_redo');
      const label = describeAction(pending);
      if (args.includes('--dry-run')) {
        process.stdout.write(`Would ${kind}: ${label}.\n`);
        return 0;
      }
      await recordEdits(folder, [{ kind, ...stamp() }]);
      process.stdout.write(`${kind === 'undo' ? 'Undone' : 'Redone'}: ${label}. Write the report again with: npx onscreen report ${dir}\n`);
      return 0;
    },
  };
}

export const undoCommand = historyCommand('undo');
export const redoCommand = historyCommand('redo');
