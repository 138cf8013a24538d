/**
 * The command line's people library: a folder library, and an analysis folder as the library needs
 * it (the same LibraryService as the service's database library).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis } from '../../../shared/src/analysis.js';
import { libraryCorrections } from '../stages/library/corrections.js';
import { withoutKnown } from '../stages/library/forget-known.js';
import { ANALYSIS_FILE, readAnalysis, readEdits, readThumbnail, readTrackEmbeddings, replaceAnalysis } from '../storage/analysis-folder.js';
import { withFolderLock } from '../storage/folder-lock.js';
import { readLibraryAnalyses, writeLibraryAnalyses } from '../storage/library-analyses.js';
import { LibraryFolderStore } from '../storage/library-folder.store.js';
import { writeFolderReport, type EditOutcome } from './analysis-folder.service.js';
import { LibraryService, type AnalysisSource } from './library.service.js';

export { rememberLibraryAnalysis } from '../storage/library-analyses.js';

export function openFolderLibrary(dir: string): LibraryService {
  return new LibraryService({ store: new LibraryFolderStore(dir) });
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

/** An analysis folder the library's recognitions were taken out of, and its people that lost one. */
export interface ClearedFolder {
  folder: string;
  people: number[];
}

/**
 * Takes the recognitions of forgotten library people out of the analysis folders the library knows
 * (`known` goes, with a tag only the library gave; a person's own tags and names stay), and writes
 * again a report already written there. Folders that are gone leave the list.
 */
export async function forgetInFolders(libraryDir: string, isForgotten: (person: string) => boolean): Promise<ClearedFolder[]> {
  const folders = await readLibraryAnalyses(libraryDir);
  const present = folders.filter((folder) => existsSync(join(folder, ANALYSIS_FILE)));
  const changed: ClearedFolder[] = [];
  for (const folder of present) {
    const people = await withFolderLock(folder, async () => {
      const { analysis, cleared } = withoutKnown(await readAnalysis(folder), isForgotten);
      if (cleared.length > 0) await replaceAnalysis(folder, analysis);
      return cleared;
    });
    if (people.length === 0) continue;
    if (existsSync(join(folder, 'report.json'))) await writeFolderReport(folder);
    changed.push({ folder, people });
  }
  if (present.length !== folders.length) await writeLibraryAnalyses(libraryDir, present);
  return changed;
}

/** After `library forget --all`: no analysis keeps a recognition, and the library no longer lists them. */
export async function forgetInAllFolders(libraryDir: string): Promise<ClearedFolder[]> {
  const cleared = await forgetInFolders(libraryDir, () => true);
  await writeLibraryAnalyses(libraryDir, []);
  return cleared;
}

/**
 * A correction just made in an analysis folder (a tag, a name, "not them" of someone recognised)
 * reaches the library at once, if the library recognised people in that folder. `isReached` is false
 * when there was a correction but this library does not know the folder.
 */
export async function carryCorrections(libraryDir: string, analysisDir: string, outcome: EditOutcome, by: string): Promise<{ changes: string[]; isReached: boolean }> {
  const corrections = libraryCorrections(outcome.analysis, outcome.edits, outcome.recorded);
  if (corrections.length === 0) return { changes: [], isReached: true };
  if (!(await readLibraryAnalyses(libraryDir)).includes(resolve(analysisDir))) return { changes: [], isReached: false };
  return { changes: await openFolderLibrary(libraryDir).correct(folderAnalysisKey(outcome.analysis), corrections, by), isReached: true };
}
