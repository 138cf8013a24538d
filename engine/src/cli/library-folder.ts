/** The CLI's way to a people library and to an analysis folder as the library needs it. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Analysis } from '../../../shared/src/analysis.js';
import { loadEngineConfig } from '../config/engine.config.js';
import { LibraryService, type AnalysisSource } from '../services/library.service.js';
import { readAnalysis, readEdits, readThumbnail, readTrackEmbeddings } from '../storage/analysis-folder.js';
import { LibraryFolderStore } from '../storage/library-folder.store.js';

export const LIBRARY_OPTION_HELP = `  --library <dir>          the people library (default: $ONSCREEN_LIBRARY, else ./onscreen-library)`;

/** Whether $ONSCREEN_LIBRARY names a library (then `analyze` uses it without --library). */
export function hasLibraryFromEnvironment(): boolean {
  return loadEngineConfig(process.env).libraryDir !== undefined;
}

/** One line for `analyze`: who was recognised. */
export function describeRecognised(analysis: Analysis): string {
  const known = analysis.clusters.filter((c) => c.known);
  if (known.length === 0) return 'Nobody was recognised from the people library.';
  const names = known.map((c) => `${c.id}=${c.known!.name ?? c.known!.person}`).join(', ');
  return `Recognised from the people library (their tags are filled in; check them): ${names}.`;
}

/** `--library DIR`, else $ONSCREEN_LIBRARY, else ./onscreen-library. */
export function libraryDir(flag: string | undefined): string {
  return resolve(flag ?? loadEngineConfig(process.env).libraryDir ?? 'onscreen-library');
}

export function openLibrary(flag: string | undefined): LibraryService {
  return new LibraryService({ store: new LibraryFolderStore(libraryDir(flag)) });
}

/** A folder's analysis as the library sees it: its key is a digest of when and what was analysed. */
export async function analysisFolderSource(dir: string): Promise<AnalysisSource> {
  const analysis = await readAnalysis(dir);
  return {
    key: folderAnalysisKey(analysis),
    analysis,
    edits: await readEdits(dir),
    signatures: await readTrackEmbeddings(dir),
    readThumbnail: (path) => readThumbnail(dir, path).catch(() => null),
  };
}

export function folderAnalysisKey(analysis: Analysis): string {
  return `a-${createHash('sha256').update(`${analysis.createdAt}|${analysis.video.source}|${analysis.video.duration}`).digest('hex').slice(0, 16)}`;
}
