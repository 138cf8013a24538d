import { resolve } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';
import { parseId } from './tag.command.js';

const USAGE = `Usage: npx onscreen split <dir> <person> [track …]

Moves the given tracks (ids as in analysis.json) of a person into a new, untagged person:
the person was found as one but is several. Without tracks, every track but the first
becomes its own person.`;

export const splitCommand: Command = {
  name: 'split',
  summary: 'split tracks off a person into a new person',
  usage: USAGE,
  async run(args) {
    const [dir, personText, ...trackTexts] = args;
    if (!dir || personText === undefined) throw new OnscreenError('bad_request', USAGE);
    const person = parseId(personText, USAGE);
    const tracks = trackTexts.map((t) => parseId(t, USAGE));
    const { recorded } = await editFolder(resolve(dir), [{ kind: 'split', person, tracks }], currentUser());
    for (const edit of recorded) if (edit.kind === 'split') process.stdout.write(`New person ${edit.newCluster}: track${edit.tracks.length === 1 ? '' : 's'} ${edit.tracks.join(', ')} of person ${person}.\n`);
    return 0;
  },
};
