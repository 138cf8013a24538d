/** The CLI's way to a people library and to an analysis folder as the library needs it. */
import { resolve } from 'node:path';
import type { Analysis } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { EditOutcome } from '../services/analysis-folder.service.js';
import { carryCorrections, openFolderLibrary, type ClearedFolder } from '../services/library-folder.service.js';
import type { LibraryService } from '../services/library.service.js';

export { analysisFolderSource, forgetInAllFolders, forgetInFolders, rememberLibraryAnalysis } from '../services/library-folder.service.js';

export const LIBRARY_OPTION_HELP = `  --library <dir>          the people library (default: $ONSCREEN_LIBRARY, else ./onscreen-library)`;

/** One line for `analyze`: who was recognised. */
export function describeRecognised(analysis: Analysis): string {
  const known = analysis.clusters.filter((c) => c.known);
  if (known.length === 0) return 'Nobody was recognised from the people library.';
  const names = known.map((c) => `${c.id}=${c.known!.name ?? c.known!.person}`).join(', ');
  return `Recognised from the people library (their tags are filled in; check them): ${names}.`;
}

/** `--library DIR`, else $ONSCREEN_LIBRARY (`fromSettings`), else ./onscreen-library. */
export function libraryDir(flag: string | undefined, fromSettings: string | undefined): string {
  return resolve(flag ?? fromSettings ?? 'onscreen-library');
}

export function openLibrary(flag: string | undefined, fromSettings: string | undefined): LibraryService {
  return openFolderLibrary(libraryDir(flag, fromSettings));
}

/** Takes `--library DIR` out of a command's arguments (tag, name: where a correction goes). */
export function takeLibraryOption(args: readonly string[]): { rest: string[]; library: string | undefined } {
  const at = args.indexOf('--library');
  if (at < 0) return { rest: [...args], library: undefined };
  const library = args[at + 1];
  if (library === undefined || library.startsWith('--')) throw new OnscreenError('bad_request', '--library needs a folder.');
  return { rest: [...args.slice(0, at), ...args.slice(at + 2)], library };
}

/** Lines saying how an edit's corrections of recognised people reached the library (or why not). */
export async function followCorrections(analysisDir: string, outcome: EditOutcome, library: { flag: string | undefined; fromSettings: string | undefined }, by: string): Promise<string[]> {
  const where = libraryDir(library.flag, library.fromSettings);
  let carried: { changes: string[]; isReached: boolean };
  try {
    carried = await carryCorrections(where, analysisDir, outcome, by);
  } catch (error) {
    // The edit stands (it is this analysis' own); the library says why it could not follow.
    if (error instanceof OnscreenError && error.code === 'library_incompatible') return [`The edit is recorded here, but the people library could not follow: ${error.message}`];
    throw error;
  }
  const { changes, isReached } = carried;
  if (!isReached) {
    return [`The people library at ${where} did not recognise anyone in ${analysisDir}, so it was not updated: name the library that did with --library DIR.`];
  }
  return changes.map((change) => `People library: ${change}.`);
}

/** One line per analysis folder whose recognitions a removal or a forget took out. */
export function describeCleared(cleared: readonly ClearedFolder[]): string[] {
  if (cleared.length === 0) return [];
  const people = cleared.reduce((n, c) => n + c.people.length, 0);
  return [
    `Also taken out of ${cleared.length} ${cleared.length === 1 ? 'analysis' : 'analyses'} it recognised people in (${people} ${people === 1 ? 'person' : 'people'}; a tag only the library gave goes too, tags and names given there stay):`,
    ...cleared.map((c) => `  ${c.folder}: ${c.people.map((p) => `person ${p}`).join(', ')}`),
  ];
}
