/**
 * The command line's people library: a folder library, and an analysis folder as the library needs
 * it (the same LibraryService as the service's database library).
 */
import { createHash } from 'node:crypto';
import type { Analysis } from '../../../shared/src/analysis.js';
import { readAnalysis, readEdits, readThumbnail, readTrackEmbeddings } from '../storage/analysis-folder.js';
import { LibraryFolderStore } from '../storage/library-folder.store.js';
import { LibraryService, type AnalysisSource } from './library.service.js';

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
