/**
 * The people library as a folder, for the CLI (`--library DIR`, `$ONSCREEN_LIBRARY`, `./onscreen-library`):
 *   library.json          format name and version, the embedding model, and every person (face signatures as base64)
 *   thumbnails/<id>.jpg   one small face picture per person
 * Files are replaced atomically; the folder is 0700 and its files 0600. A folder of another format version, or a damaged one, is refused
 * with one line and left as it is. Forgetting removes every thumbnail and every signature.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { EMPTY_LIBRARY, type LibraryState } from '../stages/library/library-person.js';
import { decodeLibraryFile, encodeLibraryFile, LIBRARY_FORMAT, LIBRARY_VERSION } from './library-file.js';
import { makePrivateFolder } from './private-files.js';
import { writeAtomic } from './write-atomic.js';

export const LIBRARY_FILE = 'library.json';

/** Where a people library is kept. Other stores (the service's database) implement the same. */
export interface LibraryStore {
  /** Where it is, for messages. */
  readonly location: string;
  /** The library; empty when it does not exist yet. */
  load(): Promise<LibraryState>;
  /** Replaces the library: new thumbnails are written first, thumbnails of people no longer in it removed last. */
  save(state: LibraryState, thumbnails?: ReadonlyMap<string, Buffer>): Promise<void>;
  readThumbnail(personId: string): Promise<Buffer | null>;
  /** Empties the library, leaving no face signature or thumbnail behind. */
  forgetAll(): Promise<void>;
}

export class LibraryFolderStore implements LibraryStore {
  constructor(readonly location: string) {}

  async load(): Promise<LibraryState> {
    const text = await readFile(join(this.location, LIBRARY_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      if (error.code === 'ENOTDIR') throw this.refuse('is a file, not a folder');
      throw error;
    });
    if (text === null) {
      await this.assertEmptyOrMissing();
      return EMPTY_LIBRARY;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.refuse(`is damaged: ${LIBRARY_FILE} is not valid JSON (was it cut short?)`);
    }
    const format = parsed as { format?: unknown; version?: unknown } | null;
    if (format?.format !== LIBRARY_FORMAT) throw this.refuse(`is damaged: ${LIBRARY_FILE} is not an onscreen people library`);
    if (format.version !== LIBRARY_VERSION) throw this.refuse(`is format version ${String(format.version)}; this onscreen reads version ${LIBRARY_VERSION}`);
    const state = decodeLibraryFile(parsed);
    if (typeof state === 'string') throw this.refuse(`is damaged: ${state}`);
    return state;
  }

  async save(state: LibraryState, thumbnails: ReadonlyMap<string, Buffer> = new Map()): Promise<void> {
    await makePrivateFolder(this.location);
    await makePrivateFolder(join(this.location, 'thumbnails'));
    for (const [id, bytes] of thumbnails) await writeAtomic(this.thumbnailPath(id), bytes);
    await writeAtomic(join(this.location, LIBRARY_FILE), `${JSON.stringify(encodeLibraryFile(state))}\n`);
    const kept = new Set(state.people.map((p) => `${p.id}.jpg`));
    const names = await readdir(join(this.location, 'thumbnails')).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => !kept.has(n)).map((n) => rm(join(this.location, 'thumbnails', n), { force: true })));
  }

  async readThumbnail(personId: string): Promise<Buffer | null> {
    if (!/^p\d+$/.test(personId)) return null;
    return readFile(this.thumbnailPath(personId)).catch(() => null);
  }

  async forgetAll(): Promise<void> {
    await this.load();
    await rm(join(this.location, 'thumbnails'), { recursive: true, force: true });
    await this.save(EMPTY_LIBRARY);
  }

  private thumbnailPath(id: string): string {
    if (!/^p\d+$/.test(id)) throw new OnscreenError('internal', `Not a library person id: ${id}`);
    return join(this.location, 'thumbnails', `${id}.jpg`);
  }

  /** A folder without library.json must be new or empty: never write a library into someone's other files. */
  private async assertEmptyOrMissing(): Promise<void> {
    const info = await stat(this.location).catch(() => null);
    if (!info) return;
    if (!info.isDirectory()) throw this.refuse('is a file, not a folder');
    const names = (await readdir(this.location)).filter((n) => !n.startsWith('.'));
    if (names.length > 0) throw this.refuse(`is not a people library (no ${LIBRARY_FILE}) and is not empty`);
  }

  private refuse(why: string): OnscreenError {
    return new OnscreenError('library_incompatible', `The people library at ${this.location} ${why}. Nothing was changed; choose another folder with --library DIR.`);
  }
}
