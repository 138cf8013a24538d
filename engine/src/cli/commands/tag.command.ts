import { resolve } from 'node:path';
import { type Tag, TAGS } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder, type EditRequest } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';
import { followCorrections, takeLibraryOption } from '../library-folder.js';

const USAGE = `Usage: npx onscreen tag <dir> <person>=<female|male|unknown|not-face> … [--library DIR]

Tags people found by \`onscreen analyze\` in <dir> (ids as in analysis.json and report.html).
Example: npx onscreen tag onscreen-news 0=female 3=male 7=not-face
Then write the report: npx onscreen report <dir>
Correcting the tag of someone recognised from the people library corrects it in the library too
(--library DIR, else $ONSCREEN_LIBRARY, else ./onscreen-library).`;

export const tagCommand: Command = {
  name: 'tag',
  summary: 'tag people as female, male, unknown or not a face',
  usage: USAGE,
  async run(args, context) {
    const { rest, library } = takeLibraryOption(args);
    const [dir, ...assignments] = rest;
    if (!dir || assignments.length === 0) throw new OnscreenError('bad_request', USAGE);
    const requests = assignments.map((text): EditRequest => {
      const match = /^(\d+)=(.+)$/.exec(text);
      if (!match || !TAGS.includes(match[2] as Tag)) {
        throw new OnscreenError('bad_request', `"${text}" is not <person>=<${TAGS.join('|')}>.\n${USAGE}`);
      }
      return { kind: 'tag', person: Number(match[1]), tag: match[2] as Tag };
    });
    const outcome = await editFolder(resolve(dir), requests, currentUser());
    const { people } = outcome;
    for (const request of requests) if (request.kind === 'tag') process.stdout.write(`Person ${request.person}: ${request.tag}.\n`);
    for (const line of await followCorrections(resolve(dir), outcome, { flag: library, fromSettings: context.libraryDir }, currentUser())) process.stdout.write(`${line}\n`);
    const left = people.filter((p) => p.tag === null).length;
    process.stdout.write(`${left === 0 ? 'Everyone is tagged.' : `${left} ${left === 1 ? 'person' : 'people'} left to tag.`} Write the report with: npx onscreen report ${dir}\n`);
    return 0;
  },
};

/** A person id from the command line. */
export function parseId(text: string | undefined, usage: string): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new OnscreenError('bad_request', `"${text ?? ''}" is not a person or track id (a whole number).\n${usage}`);
  return Number(text);
}
