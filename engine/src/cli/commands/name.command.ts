import { resolve } from 'node:path';
import type { Edit } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { Command } from '../command.js';
import { parseId, recordEdits, stamp } from './tag.command.js';

const USAGE = `Usage: npx onscreen name <dir> <person>=<name> …

Gives people found by \`onscreen analyze\` in <dir> a name (kept in the tagging history, with undo).
Names follow people into a people library (npx onscreen library add <dir>).
Example: npx onscreen name onscreen-news 0="Ana Lima" 3="Rui Costa"
A person recognised from the library but wrongly: npx onscreen name <dir> <person> --not-them`;

export const nameCommand: Command = {
  name: 'name',
  summary: 'give people names (or say a recognised person is not who the library thinks)',
  usage: USAGE,
  async run(args) {
    const [dir, ...rest] = args;
    if (!dir || rest.length === 0) throw new OnscreenError('bad_request', USAGE);
    const edits: Edit[] = rest.includes('--not-them') ? notThem(rest) : rest.map(toNameEdit);
    await recordEdits(resolve(dir), edits);
    for (const edit of edits) {
      if (edit.kind === 'name') process.stdout.write(`Person ${edit.cluster}: ${edit.name.trim()}.\n`);
      if (edit.kind === 'not-known') process.stdout.write(`Person ${edit.cluster} is not the library's person: recognition and its tag removed. Tag them with npx onscreen tag.\n`);
    }
    return 0;
  },
};

function toNameEdit(text: string): Edit {
  const match = /^(\d+)=([\s\S]*)$/.exec(text);
  if (!match) throw new OnscreenError('bad_request', `"${text}" is not <person>=<name>.\n${USAGE}`);
  return { kind: 'name', cluster: Number(match[1]), name: match[2]!, ...stamp() };
}

function notThem(rest: string[]): Edit[] {
  const ids = rest.filter((a) => a !== '--not-them');
  if (ids.length === 0) throw new OnscreenError('bad_request', `Say which person is not them.\n${USAGE}`);
  return ids.map((id) => ({ kind: 'not-known', cluster: parseId(id, USAGE), ...stamp() }));
}
