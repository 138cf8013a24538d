/**
 * The people library in the service's SQLite database (the same LibraryStore contract as the CLI's
 * folder). Rows are per workspace; deleted rows are overwritten (secure_delete), so removing a person
 * or forgetting everyone leaves no face signature or thumbnail in the database file.
 */
import { OnscreenError } from '../../../shared/src/errors.js';
import { EMPTY_LIBRARY, type LibraryState } from '../stages/library/library-person.js';
import type { Db } from './database.js';
import { decodeLibraryFile, encodeLibraryFile, LIBRARY_FORMAT, LIBRARY_VERSION } from './library-file.js';
import type { LibraryStore } from './library-folder.store.js';

export class LibraryRepository implements LibraryStore {
  readonly location: string;

  constructor(private readonly db: Db, private readonly workspace = 'default') {
    this.location = `the service's database (workspace ${workspace})`;
  }

  async load(): Promise<LibraryState> {
    const meta = this.db.prepare('SELECT model, next_id AS nextId FROM library_meta WHERE workspace = ?').get(this.workspace) as { model: string | null; nextId: number } | undefined;
    if (!meta) return EMPTY_LIBRARY;
    const rows = this.db.prepare('SELECT data FROM library_people WHERE workspace = ? ORDER BY CAST(SUBSTR(id, 2) AS INTEGER)').all(this.workspace) as { data: string }[];
    const state = decodeLibraryFile({ model: meta.model, nextId: meta.nextId, people: rows.map((r) => JSON.parse(r.data) as unknown) });
    if (typeof state === 'string') throw new OnscreenError('library_incompatible', `The people library in ${this.location} is damaged: ${state}.`);
    return state;
  }

  async save(state: LibraryState, thumbnails: ReadonlyMap<string, Buffer> = new Map()): Promise<void> {
    const file = encodeLibraryFile(state);
    if (file.format !== LIBRARY_FORMAT || file.version !== LIBRARY_VERSION) throw new OnscreenError('internal');
    const upsert = this.db.prepare('INSERT INTO library_people (workspace, id, data) VALUES (?, ?, ?) ON CONFLICT (workspace, id) DO UPDATE SET data = excluded.data');
    const setThumbnail = this.db.prepare('UPDATE library_people SET thumbnail = ? WHERE workspace = ? AND id = ?');
    this.db.transaction(() => {
      const ids = new Set(state.people.map((p) => p.id));
      const existing = this.db.prepare('SELECT id FROM library_people WHERE workspace = ?').all(this.workspace) as { id: string }[];
      for (const { id } of existing) if (!ids.has(id)) this.db.prepare('DELETE FROM library_people WHERE workspace = ? AND id = ?').run(this.workspace, id);
      for (const person of file.people) upsert.run(this.workspace, person.id, JSON.stringify(person));
      for (const [id, bytes] of thumbnails) setThumbnail.run(bytes, this.workspace, id);
      this.db
        .prepare('INSERT INTO library_meta (workspace, model, next_id) VALUES (?, ?, ?) ON CONFLICT (workspace) DO UPDATE SET model = excluded.model, next_id = excluded.next_id')
        .run(this.workspace, state.model, state.nextId);
    })();
    // Earlier versions of changed or deleted rows may sit in the write-ahead log: fold it in.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async readThumbnail(personId: string): Promise<Buffer | null> {
    const row = this.db.prepare('SELECT thumbnail FROM library_people WHERE workspace = ? AND id = ?').get(this.workspace, personId) as { thumbnail: Buffer | null } | undefined;
    return row?.thumbnail ?? null;
  }

  async forgetAll(): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM library_people WHERE workspace = ?').run(this.workspace);
      this.db.prepare('DELETE FROM library_meta WHERE workspace = ?').run(this.workspace);
    })();
    // The write-ahead log may still hold the deleted rows' pages: fold it into the database now.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
