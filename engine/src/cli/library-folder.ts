/** The CLI's way to a people library and to an analysis folder as the library needs it. */
import { resolve } from 'node:path';
import type { Analysis } from '../../../shared/src/analysis.js';
import { openFolderLibrary } from '../services/library-folder.service.js';
import type { LibraryService } from '../services/library.service.js';

export { analysisFolderSource } from '../services/library-folder.service.js';

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
