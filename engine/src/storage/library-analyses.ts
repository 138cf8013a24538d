/**
 * analyses.json in a folder library: the analysis folders the library recognised people in or was
 * added from (absolute paths, nothing else), so that removing a person or forgetting the library can
 * take its recognitions out of them, and a correction made in one of them can reach the library.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeAtomic } from './write-atomic.js';

export const LIBRARY_ANALYSES_FILE = 'analyses.json';
const FORMAT = 'onscreen-library-analyses';

export async function readLibraryAnalyses(libraryDir: string): Promise<string[]> {
  const text = await readFile(join(libraryDir, LIBRARY_ANALYSES_FILE), 'utf8').catch(() => null);
  if (text === null) return [];
  try {
    const file = JSON.parse(text) as { format?: unknown; folders?: unknown };
    // A damaged list loses only the links to analyses, never the library: it is rebuilt as analyses are added or recognised.
    return file.format === FORMAT && Array.isArray(file.folders) ? file.folders.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export async function writeLibraryAnalyses(libraryDir: string, folders: readonly string[]): Promise<void> {
  await writeAtomic(join(libraryDir, LIBRARY_ANALYSES_FILE), `${JSON.stringify({ format: FORMAT, folders: [...new Set(folders)] }, null, 2)}\n`);
}

export async function rememberLibraryAnalysis(libraryDir: string, analysisDir: string): Promise<void> {
  const folders = await readLibraryAnalyses(libraryDir);
  const folder = resolve(analysisDir);
  if (!folders.includes(folder)) await writeLibraryAnalyses(libraryDir, [...folders, folder]);
}
