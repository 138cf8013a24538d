import { resolve } from 'node:path';
import type { Edit } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { applyEdits, nextClusterId } from '../../stages/people/edits.js';
import { readAnalysis, readEdits } from '../../storage/analysis-folder.js';
import type { Command } from '../command.js';
import { parseId, recordEdits, stamp } from './tag.command.js';

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
    const folder = resolve(dir);
    const person = parseId(personText, USAGE);
    const tracks = trackTexts.map((t) => parseId(t, USAGE));
    const analysis = await readAnalysis(folder);
    const history = await readEdits(folder);
    const current = applyEdits(analysis, history).find((p) => p.id === person);
    if (!current) throw new OnscreenError('cluster_unknown', `There is no person ${person} in ${dir}.`);
    const groups = tracks.length > 0 ? [tracks] : current.tracks.slice(1).map((t) => [t]);
    if (groups.length === 0) throw new OnscreenError('bad_request', `Person ${person} has a single track: there is nothing to split.`);
    const first = nextClusterId(analysis, history);
    const stamped = stamp();
    const action = `split-${person}-${stamped.at}`;
    const edits: Edit[] = groups.map((group, i) => ({ kind: 'split', cluster: person, tracks: group, newCluster: first + i, ...stamped, group: action }));
    await recordEdits(folder, edits);
    for (const edit of edits) if (edit.kind === 'split') process.stdout.write(`New person ${edit.newCluster}: track${edit.tracks.length === 1 ? '' : 's'} ${edit.tracks.join(', ')} of person ${person}.\n`);
    return 0;
  },
};
