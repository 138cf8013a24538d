import { resolve } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';

const USAGE = `Usage: npx onscreen undo <dir>

Undoes the newest tag, merge or split still in effect in <dir> (again to undo the one before).`;

export const undoCommand: Command = {
  name: 'undo',
  summary: 'undo the newest tag, merge or split',
  usage: USAGE,
  async run(args) {
    if (args.length !== 1) throw new OnscreenError('bad_request', USAGE);
    const { edits } = await editFolder(resolve(args[0]!), [{ kind: 'undo' }], currentUser());
    const effective = edits.filter((e) => e.kind !== 'undo').length - edits.filter((e) => e.kind === 'undo').length;
    process.stdout.write(`Undone. ${effective} ${effective === 1 ? 'edit is' : 'edits are'} still in effect.\n`);
    return 0;
  },
};
