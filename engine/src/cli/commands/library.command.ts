import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import type { LibraryPersonSummary } from '../../../../shared/src/library.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';
import { analysisFolderSource, describeCleared, forgetInAllFolders, forgetInFolders, LIBRARY_OPTION_HELP, libraryDir, openLibrary, rememberLibraryAnalysis } from '../library-folder.js';

const USAGE = `Usage: npx onscreen library <add|list|rename|remove|forget> … [--library <dir>]

Remembers the people a person tagged, so that later analyses recognise them (analyze --library).
  library add <analysis-dir>        adds every person tagged female, male or unknown by a person
                                    (someone already in the library gains face signatures instead)
  library list [--json]             who is in the library
  library rename <person> <name>    <person>: an id such as p3, or a name
  library remove <person>           removes the person with every face signature and thumbnail,
                                    and their recognitions from the analyses the library knows
  library forget --all              empties the library, and takes every recognition out of them

Options:
${LIBRARY_OPTION_HELP}

The library keeps, per person: the tag, a name, a few face signatures (numbers computed from
faces, used only to recognise the person), one small face picture, the videos they were seen in,
and who changed what and when. Faces are biometric data: remove what you do not need.`;

export const libraryCommand: Command = {
  name: 'library',
  summary: 'remember tagged people across videos (add, list, rename, remove, forget)',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parse(args);
    const [action, ...rest] = positionals;
    const library = openLibrary(values.library, context.libraryDir);
    const where = libraryDir(values.library, context.libraryDir);
    const say = (line: string) => process.stdout.write(`${line}\n`);
    switch (action) {
      case 'add': {
        if (rest.length !== 1) throw usage('Give one analysis folder.');
        const result = await library.add(await analysisFolderSource(resolve(rest[0]!)), currentUser());
        await rememberLibraryAnalysis(where, rest[0]!);
        for (const p of result.added) say(`Added ${describe(p)}.`);
        for (const p of result.updated) say(`Updated ${describe(p)}: now ${p.exemplars} face signatures, seen in ${videos(p)}.`);
        say(`The library at ${where} has ${(await library.list()).length} people.`);
        return 0;
      }
      case 'list': {
        const people = await library.list();
        if (values.json) say(JSON.stringify({ library: where, people }));
        else if (people.length === 0) say(`The library at ${where} is empty. Add people with: npx onscreen library add <analysis-dir>`);
        else for (const p of people) say(`${describe(p)}: seen in ${videos(p)}; changed by ${p.updatedBy} on ${p.updatedAt.slice(0, 10)}`);
        return 0;
      }
      case 'rename': {
        if (rest.length !== 2) throw usage('Give a person and a name, e.g. library rename p3 "Ana Lima".');
        say(`Renamed: ${describe(await library.rename(rest[0]!, rest[1]!, currentUser()))}.`);
        return 0;
      }
      case 'remove': {
        if (rest.length !== 1) throw usage('Give one person, e.g. library remove p3.');
        const removed = await library.remove(rest[0]!);
        say(`Removed ${describe(removed)}, with every face signature and thumbnail.`);
        for (const line of describeCleared(await forgetInFolders(where, (id) => id === removed.id))) say(line);
        return 0;
      }
      case 'forget': {
        if (!values.all || rest.length > 0) throw usage('To empty the library, say so: library forget --all.');
        const count = await library.forgetAll();
        say(`Forgot ${count} ${count === 1 ? 'person' : 'people'}: the library at ${where} holds no face signatures or thumbnails.`);
        for (const line of describeCleared(await forgetInAllFolders(where))) say(line);
        return 0;
      }
      default:
        throw usage(action ? `Unknown library action "${action}".` : 'Say what to do.');
    }
  },
};

function parse(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { library: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' } } });
  } catch (error) {
    throw usage((error as Error).message);
  }
}

function usage(message: string): OnscreenError {
  return new OnscreenError('bad_request', `${message}\n${USAGE}`);
}

function describe(p: LibraryPersonSummary): string {
  return `${p.id} ${p.name ? `"${p.name}"` : '(no name)'}, ${p.gender}`;
}

function videos(p: LibraryPersonSummary): string {
  return `${p.seenIn.length} ${p.seenIn.length === 1 ? 'video' : 'videos'}`;
}
