import { resolve } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder } from '../../services/analysis-folder.service.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';
import { parseId } from './tag.command.js';

const USAGE = `Usage: npx onscreen merge <dir> <a> <b>

Merges person <b> into person <a>: they were found as two people but are one.
Person <a> keeps its tag (or takes <b>'s if it has none). Undo with npx onscreen undo <dir>, the tagging page or the API.`;

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge two people who are the same person',
  usage: USAGE,
  async run(args) {
    if (args.length !== 3) throw new OnscreenError('bad_request', USAGE);
    const [dir, a, b] = args as [string, string, string];
    const into = parseId(a, USAGE);
    const from = parseId(b, USAGE);
    const { people } = await editFolder(resolve(dir), [{ kind: 'merge', into, from }], currentUser());
    const merged = people.find((p) => p.id === into);
    process.stdout.write(`Merged person ${from} into person ${into}: ${merged?.tracks.length ?? 0} tracks, ${formatDuration(merged?.seconds ?? 0)} on screen${merged?.tag ? `, tagged ${merged.tag}` : ''}.\n`);
    return 0;
  },
};
