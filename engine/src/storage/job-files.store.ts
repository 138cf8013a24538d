/**
 * The service's files under the data folder:
 *   <dataDir>/jobs/<id>/       the job's analysis folder (analysis.json, thumbnails, tags.json)
 *   <dataDir>/uploads/<id>.<ext>  an uploaded video, kept until its job is deleted
 *   <dataDir>/work/<id>-<random>/  scratch space while a job is analysed (scratch-folders.ts)
 * Every path is built from a job id checked against JOB_ID_PATTERN, or from a path that the
 * analysis itself wrote and that is checked to stay inside the job's folder: nothing a request
 * says reaches the file system.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import { assertJobId } from '../contracts/job-id.js';
import type { EditHistory } from '../contracts/edit-history.js';
import { appendEdits, readAnalysis, readEdits, replaceAnalysis, writeAnalysisFolder } from './analysis-folder.js';
import { withFolderLock } from './folder-lock.js';
import { removeScratchOf, sweepScratch } from './scratch-folders.js';

/** Analyses kept in memory for tagging; a long video's analysis is a few MB. */
const ANALYSIS_CACHE_SIZE = 8;

export interface StoredUpload {
  /** Temporary path until `adoptUpload` gives it to a job. */
  path: string;
  bytes: number;
  sha256: string;
  extension: string;
}

export class JobFilesStore {
  readonly jobsDir: string;
  readonly uploadsDir: string;
  readonly workRoot: string;
  private readonly analyses = new Map<string, Promise<Analysis>>();

  constructor(readonly dataDir: string) {
    this.jobsDir = join(dataDir, 'jobs');
    this.uploadsDir = join(dataDir, 'uploads');
    this.workRoot = join(dataDir, 'work');
  }

  async init(): Promise<void> {
    await Promise.all([this.jobsDir, this.uploadsDir, this.workRoot].map((dir) => mkdir(dir, { recursive: true })));
    // Scratch space of analyses that were running when the server stopped: they start over.
    await rm(this.workRoot, { recursive: true, force: true });
    await mkdir(this.workRoot, { recursive: true });
  }

  jobDir(id: string): string {
    return join(this.jobsDir, assertJobId(id));
  }

  async writeResult(id: string, result: AnalysisResult): Promise<void> {
    this.analyses.delete(id);
    await writeAnalysisFolder(this.jobDir(id), result);
  }

  /** The stored analysis (kept in memory for the next edits); errors name the job, never the server's folders. */
  readAnalysis(id: string): Promise<Analysis> {
    const cached = this.analyses.get(id);
    if (cached) return cached;
    const read = readAnalysis(this.jobDir(id)).catch((error: unknown) => {
      this.analyses.delete(id);
      if (error instanceof OnscreenError) throw new OnscreenError(error.code, `The stored analysis of job ${id} cannot be read (${error.code}). Delete the job and analyse the video again.`);
      throw error;
    });
    this.analyses.set(id, read);
    if (this.analyses.size > ANALYSIS_CACHE_SIZE) this.analyses.delete(this.analyses.keys().next().value!);
    return read;
  }

  /** Replaces the job's analysis.json with a changed copy (hold the history's lock). */
  async replaceAnalysis(id: string, analysis: Analysis): Promise<void> {
    this.analyses.delete(id);
    await replaceAnalysis(this.jobDir(id), analysis);
    this.analyses.delete(id);
  }

  readEdits(id: string): Promise<Edit[]> {
    return readEdits(this.jobDir(id));
  }

  /** The job's analysis folder as an edit history: the same lock as the command line's. */
  history(id: string): EditHistory {
    const dir = this.jobDir(id);
    return {
      readAnalysis: () => this.readAnalysis(id),
      readEdits: () => readEdits(dir),
      appendEdits: (edits) => appendEdits(dir, edits),
      readFile: (path) => this.readJobFile(id, path),
      locked: (task) => withFolderLock(dir, task),
    };
  }

  /** Drops the job's analysis from memory (it was deleted). */
  forget(id: string): void {
    this.analyses.delete(id);
  }

  /** A file inside the job's analysis folder, by the relative path the analysis recorded. */
  async readJobFile(id: string, relativePath: string): Promise<Buffer | null> {
    const dir = this.jobDir(id);
    const path = resolve(dir, relativePath);
    if (!path.startsWith(dir + sep)) return null;
    return readFile(path).catch(() => null);
  }

  /**
   * Streams a request body to a temporary file, hashing it on the way. Stops with
   * `video_too_large` (413) past `limitBytes`, and with `video_empty` for an empty body.
   */
  async receiveUpload(body: Readable, filename: string, limitBytes: number): Promise<StoredUpload> {
    const path = join(this.uploadsDir, `incoming-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > limitBytes) {
          callback(new OnscreenError('video_too_large', `The upload is larger than this server accepts (${formatBytes(limitBytes)}).`));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof OnscreenError) throw error;
      throw new OnscreenError('bad_request', 'The upload was interrupted before it finished.', { cause: error });
    }
    if (bytes === 0) {
      await rm(path, { force: true });
      throw new OnscreenError('video_empty', 'The uploaded file is empty.');
    }
    return { path, bytes, sha256: hash.digest('hex'), extension: safeExtension(filename) };
  }

  /** Moves a received upload to its job; returns the final path. */
  async adoptUpload(upload: StoredUpload, id: string): Promise<string> {
    const target = join(this.uploadsDir, `${assertJobId(id)}${upload.extension}`);
    await rename(upload.path, target);
    return target;
  }

  async discardUpload(upload: StoredUpload): Promise<void> {
    await rm(upload.path, { force: true });
  }

  /** The stored upload of a job, or null. */
  async findUpload(id: string): Promise<string | null> {
    const prefix = assertJobId(id);
    const names = await readdir(this.uploadsDir).catch(() => [] as string[]);
    const name = names.find((n) => n === prefix || n.startsWith(`${prefix}.`));
    return name ? join(this.uploadsDir, name) : null;
  }

  async removeUpload(id: string): Promise<void> {
    const upload = await this.findUpload(id);
    if (upload) await rm(upload, { force: true });
  }

  /** Removes the job's analysis folder, upload and scratch space. */
  async removeJob(id: string): Promise<void> {
    this.forget(id);
    const upload = await this.findUpload(id);
    await Promise.all([
      rm(this.jobDir(id), { recursive: true, force: true }),
      removeScratchOf(this.workRoot, assertJobId(id)),
      upload ? rm(upload, { force: true }) : Promise.resolve(),
    ]);
  }

  /** Job ids that have files (folders or uploads), for sweeping files whose job is gone. */
  async listJobIdsOnDisk(): Promise<Set<string>> {
    const [folders, uploads] = await Promise.all([
      readdir(this.jobsDir).catch(() => [] as string[]),
      readdir(this.uploadsDir).catch(() => [] as string[]),
    ]);
    return new Set([...folders, ...uploads.filter((n) => !n.startsWith('incoming-')).map((n) => n.split('.')[0]!)]);
  }

  /** Removes scratch folders whose job is not running (a crash, a kill); returns their job ids. */
  sweepScratch(isRunning: (jobId: string) => boolean): Promise<string[]> {
    return sweepScratch(this.workRoot, isRunning);
  }

  /** Removes half-received uploads (the server stopped while receiving them). */
  async removeIncoming(): Promise<void> {
    const names = await readdir(this.uploadsDir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith('incoming-')).map((n) => rm(join(this.uploadsDir, n), { force: true })));
  }
}

/** A short, plain extension from an uploaded file's name ("clip.MP4" → ".mp4"), or "". */
function safeExtension(filename: string): string {
  const ext = extname(filename).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
