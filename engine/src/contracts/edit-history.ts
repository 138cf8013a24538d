import type { Analysis, Edit } from '../../../shared/src/analysis.js';

/**
 * One analysis and its tagging history (tags.json), wherever they are kept: the one interface
 * tagging and reporting use. Two stores implement it: a job of the service (storage/job-files.store.ts)
 * and a plain analysis folder for the command line (storage/analysis-folder.ts); both take the
 * same cross-process lock (storage/folder-lock.ts), so the CLI and the server never lose an edit.
 */
export interface EditHistory {
  readAnalysis(): Promise<Analysis>;
  /** The edits, oldest first; empty when nobody has tagged yet. */
  readEdits(): Promise<Edit[]>;
  /** Appends edits in one write: all or none. Call it inside `locked`, after validating them. */
  appendEdits(edits: readonly Edit[]): Promise<void>;
  /** A file the analysis refers to (a thumbnail), by its relative path; null if it cannot be read. */
  readFile(relativePath: string): Promise<Buffer | null>;
  /** Runs `task` holding the history's lock, across processes. */
  locked<T>(task: () => Promise<T>): Promise<T>;
}
