/**
 * The analysis folder on disk, as the CLI and the service use it:
 *   analysis.json       the analysis (written last: if it exists, everything it refers to exists)
 *   thumbnails/…        JPEGs named in analysis.json
 *   voices/…            voice samples (.m4a) named in analysis.json (`voices[].sample`)
 *   embeddings.json     one face signature per track, for a people library (see track-embeddings.ts)
 *   tags.json           the tagging history (TagFile)
 *   report.json, report.csv, report.html, charts/{share,timeline,persons}.png
 * Every file is written to a temporary name and renamed into place, so a reader never sees half a file.
 * The folder is 0700 and its files 0600 whatever the umask: faces, face signatures and voices.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { ANALYSIS_SCHEMA_VERSION, type Analysis, type Edit, type TagFile } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { EditHistory } from '../contracts/edit-history.js';
import type { RenderedReport } from '../contracts/rendered-report.js';
import { withFolderLock } from './folder-lock.js';
import { decodeTrackEmbeddings, type TrackEmbeddings } from '../stages/people/track-embeddings.js';
import { makePrivateFolder, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './private-files.js';
import { writeAtomic } from './write-atomic.js';

export const TAG_FILE_SCHEMA_VERSION = 1;
export const ANALYSIS_FILE = 'analysis.json';
export const EMBEDDINGS_FILE = 'embeddings.json';
export const TAGS_FILE = 'tags.json';
export const VOICES_DIR = 'voices';
/** Where tags.json goes when a new analysis replaces the one its edits referred to. */
export const PREVIOUS_TAGS_FILE = 'tags.previous.json';

/**
 * Writes a fresh analysis. Any previous analysis.json is removed first and the new one is renamed in
 * last, so an interrupted run leaves no analysis.json (never a mix of old and new). The previous
 * tags.json is kept aside as tags.previous.json: its person ids meant the old clusters.
 * Returns the path of the kept-aside tags, or null if there were none.
 */
export async function writeAnalysisFolder(dir: string, result: { analysis: Analysis; thumbnails: ReadonlyMap<string, Buffer>; voiceSamples?: ReadonlyMap<string, Buffer>; embeddings?: TrackEmbeddings }): Promise<string | null> {
  const files = [...result.thumbnails, ...(result.voiceSamples ?? [])];
  await makePrivateFolder(dir);
  const partial = join(dir, `.partial-${randomBytes(6).toString('hex')}`);
  try {
    for (const [path, bytes] of files) await writeNew(join(partial, safeRelative(path)), bytes);
    await writeNew(join(partial, ANALYSIS_FILE), `${JSON.stringify(result.analysis)}\n`);
    if (result.embeddings) await writeNew(join(partial, EMBEDDINGS_FILE), `${JSON.stringify(result.embeddings)}\n`);
    // Under the history's lock: an edit running now lands in the kept-aside tags, never in the new ones.
    return await withFolderLock(dir, async () => {
      await unlink(join(dir, ANALYSIS_FILE)).catch(ignoreMissing);
      // Signatures of an older analysis name its tracks, not this one's.
      await unlink(join(dir, EMBEDDINGS_FILE)).catch(ignoreMissing);
      const previousTags = join(dir, PREVIOUS_TAGS_FILE);
      const hasKeptTags = await rename(join(dir, TAGS_FILE), previousTags).then(() => true, (error: NodeJS.ErrnoException) => (ignoreMissing(error), false));
      // An older analysis's voices are other voices: their samples go, whatever this one has.
      await rm(join(dir, VOICES_DIR), { recursive: true, force: true });
      for (const path of result.thumbnails.keys()) await moveInto(partial, dir, safeRelative(path));
      for (const path of result.voiceSamples?.keys() ?? []) await moveInto(partial, dir, safeRelative(path));
      if (result.embeddings) await moveInto(partial, dir, EMBEDDINGS_FILE);
      await moveInto(partial, dir, ANALYSIS_FILE);
      return hasKeptTags ? previousTags : null;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/**
 * Replaces analysis.json with a changed copy of the same analysis (same clusters and tracks, so the
 * tags still mean the same people), atomically. Call it holding the folder's lock.
 */
export async function replaceAnalysis(dir: string, analysis: Analysis): Promise<void> {
  await writeAtomic(join(dir, ANALYSIS_FILE), `${JSON.stringify(analysis)}\n`);
}

export async function readAnalysis(dir: string): Promise<Analysis> {
  const text = await readFile(join(dir, ANALYSIS_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new OnscreenError('analysis_missing', `No analysis found in ${dir}. Run \`onscreen analyze\` first.`);
    }
    throw error;
  });
  const analysis = parseJson(text, `${dir}/${ANALYSIS_FILE}`) as Partial<Analysis> | null;
  if (analysis?.schemaVersion !== ANALYSIS_SCHEMA_VERSION) {
    throw new OnscreenError('analysis_incompatible', `${dir}/${ANALYSIS_FILE} has schema version ${String(analysis?.schemaVersion)}; this onscreen reads version ${ANALYSIS_SCHEMA_VERSION}. Run \`onscreen analyze\` again.`);
  }
  for (const field of ['faces', 'tracks', 'clusters'] as const) {
    if (!Array.isArray(analysis[field])) throw new OnscreenError('analysis_incompatible', `${dir}/${ANALYSIS_FILE} has no list of ${field}.`);
  }
  if (!analysis.video || !analysis.sampling || !Array.isArray(analysis.sampling.times)) {
    throw new OnscreenError('analysis_incompatible', `${dir}/${ANALYSIS_FILE} has no video or sampling information.`);
  }
  return analysis as Analysis;
}

/** The face signature of each track, by track id; null for an analysis written without them. */
export async function readTrackEmbeddings(dir: string): Promise<{ model: string; vectors: Float32Array[] } | null> {
  const text = await readFile(join(dir, EMBEDDINGS_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? null : decodeTrackEmbeddings(parseJson(text, `${dir}/${EMBEDDINGS_FILE}`), `${dir}/${EMBEDDINGS_FILE}`);
}

/** The tagging history; empty when nobody has tagged yet. */
export async function readEdits(dir: string): Promise<Edit[]> {
  const text = await readFile(join(dir, TAGS_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return [];
  const file = parseJson(text, `${dir}/${TAGS_FILE}`) as Partial<TagFile> | null;
  if (file?.schemaVersion !== TAG_FILE_SCHEMA_VERSION || !Array.isArray(file.edits)) {
    throw new OnscreenError('analysis_incompatible', `${dir}/${TAGS_FILE} is not a tagging history this onscreen can read.`);
  }
  return file.edits;
}

/**
 * Adds edits to tags.json in one atomic rewrite. Callers validate the edits first and hold the
 * folder's lock (read-modify-write: two writers at once would lose one): see `openAnalysisFolder`.
 */
export async function appendEdits(dir: string, edits: readonly Edit[]): Promise<void> {
  const file: TagFile = { schemaVersion: TAG_FILE_SCHEMA_VERSION, edits: [...(await readEdits(dir)), ...edits] };
  await makePrivateFolder(dir); // an older folder, written before folders were private
  await writeAtomic(join(dir, TAGS_FILE), `${JSON.stringify(file, null, 2)}\n`);
}

/** One edit (tests and scripts); the same rules as `appendEdits`. */
export function appendEdit(dir: string, edit: Edit): Promise<void> {
  return appendEdits(dir, [edit]);
}

/** A plain analysis folder (the command line's) as an edit history. */
export function openAnalysisFolder(dir: string): EditHistory {
  return {
    readAnalysis: () => readAnalysis(dir),
    readEdits: () => readEdits(dir),
    appendEdits: (edits) => appendEdits(dir, edits),
    readFile: (path) => readThumbnail(dir, path).catch(() => null),
    locked: (task) => withFolderLock(dir, task),
  };
}

export async function writeReportFiles(dir: string, files: RenderedReport): Promise<void> {
  await makePrivateFolder(dir);
  await writeAtomic(join(dir, 'charts', 'share.png'), files.charts.share);
  await writeAtomic(join(dir, 'charts', 'timeline.png'), files.charts.timeline);
  await writeAtomic(join(dir, 'charts', 'persons.png'), files.charts.persons);
  if (files.charts.heard) await writeAtomic(join(dir, 'charts', 'heard.png'), files.charts.heard);
  if (files.charts.speaking) await writeAtomic(join(dir, 'charts', 'speaking.png'), files.charts.speaking);
  await writeAtomic(join(dir, 'report.csv'), files.csv);
  await writeAtomic(join(dir, 'report.html'), files.html);
  await writeAtomic(join(dir, 'report.json'), `${JSON.stringify(files.report, null, 2)}\n`);
}

/** A thumbnail named in analysis.json; the path may not leave the folder. */
export async function readThumbnail(dir: string, relativePath: string): Promise<Buffer> {
  return readFile(join(dir, safeRelative(relativePath)));
}

/** Rejects absolute paths and `..`: paths inside analysis.json are data, not trusted. */
function safeRelative(path: string): string {
  const normal = normalize(path);
  if (isAbsolute(normal) || normal === '..' || normal.startsWith(`..${sep}`)) {
    throw new OnscreenError('analysis_incompatible', `The path "${path}" points outside the analysis folder.`);
  }
  return normal;
}


async function writeNew(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  await writeFile(path, data, { mode: PRIVATE_FILE_MODE });
}

async function moveInto(from: string, to: string, path: string): Promise<void> {
  await mkdir(dirname(join(to, path)), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  await rename(join(from, path), join(to, path));
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new OnscreenError('analysis_incompatible', `${where} is not valid JSON (was it cut short?).`);
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
