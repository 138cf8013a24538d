import { resolve } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder, type EditRequest } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';
import { followCorrections, takeLibraryOption } from '../library-folder.js';
import { parseId } from './tag.command.js';

const USAGE = `Usage: npx onscreen name <dir> <person>=<name> … [--library DIR]

Gives people found by \`onscreen analyze\` in <dir> a name (kept in the tagging history, with undo).
Names follow people into a people library (npx onscreen library add <dir>).
Example: npx onscreen name onscreen-news 0="Ana Lima" 3="Rui Costa"
A person recognised from the library but wrongly: npx onscreen name <dir> <person> --not-them
A new name, or "not them", of someone recognised reaches the library at once
(--library DIR, else $ONSCREEN_LIBRARY, else ./onscreen-library).`;

export const nameCommand: Command = {
  name: 'name',
  summary: 'give people names (or say a recognised person is not who the library thinks)',
  usage: USAGE,
  async run(args, context) {
    const { rest: positional, library } = takeLibraryOption(args);
    const [dir, ...rest] = positional;
    if (!dir || rest.length === 0) throw new OnscreenError('bad_request', USAGE);
    const requests: EditRequest[] = rest.includes('--not-them') ? notThem(rest) : rest.map(toName);
    const outcome = await editFolder(resolve(dir), requests, currentUser());
    for (const request of requests) {
      if (request.kind === 'name') process.stdout.write(`Person ${request.person}: ${request.name.trim()}.\n`);
      if (request.kind === 'not-them') process.stdout.write(`Person ${request.person} is not the library's person: recognition and its tag removed. Tag them with npx onscreen tag.\n`);
    }
    for (const line of await followCorrections(resolve(dir), outcome, { flag: library, fromSettings: context.libraryDir }, currentUser())) process.stdout.write(`${line}\n`);
    return 0;
  },
};

function toName(text: string): EditRequest {
  const match = /^(\d+)=([\s\S]*)$/.exec(text);
  if (!match) throw new OnscreenError('bad_request', `"${text}" is not <person>=<name>.\n${USAGE}`);
  return { kind: 'name', person: Number(match[1]), name: match[2]! };
}

function notThem(rest: string[]): EditRequest[] {
  const ids = rest.filter((a) => a !== '--not-them');
  if (ids.length === 0) throw new OnscreenError('bad_request', `Say which person is not them.\n${USAGE}`);
  return ids.map((id) => ({ kind: 'not-them', person: parseId(id, USAGE) }));
}
