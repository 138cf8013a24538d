/**
 * The lock of an analysis folder's tagging history, held across processes: `onscreen tag` and the
 * server are different processes that may edit the same tags.json at once, and each edit is a
 * read-modify-write. Within a process, tasks on one folder queue on a KeyedLock (no polling);
 * between processes, the holder is whoever created `.tags.lock` exclusively (O_EXCL), which
 * works on every local file system. A lock left by a process that died (its pid is gone on this
 * host, or it is older than STALE_MS; an edit takes milliseconds) is broken.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { OnscreenError } from '../../../shared/src/errors.js';
import { KeyedLock } from './keyed-lock.js';
import { isProcessAlive } from './process-alive.js';

export const LOCK_FILE = '.tags.lock';
const STALE_MS = 30_000;
const WAIT_MS = 20_000;

/** One per process by nature: it stands for this process in front of the others. */
const local = new KeyedLock();

/** Runs `task` holding the folder's lock. A folder that does not exist is not locked (the task finds it missing). */
export function withFolderLock<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const folder = resolve(dir);
  return local.run(folder, async () => {
    const release = await acquire(join(folder, LOCK_FILE));
    try {
      return await task();
    } finally {
      await release();
    }
  });
}

async function acquire(path: string): Promise<() => Promise<void>> {
  const owner = `${process.pid} ${hostname()} ${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(owner).finally(() => handle.close());
      return () => releaseIfOwned(path, owner);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return async () => undefined;
      if (code !== 'EEXIST') throw error;
    }
    if (await breakIfStale(path)) continue;
    if (Date.now() > deadline) throw new OnscreenError('unavailable', 'Another onscreen process has held this analysis folder for too long; try again.');
    await new Promise((r) => setTimeout(r, Math.min(2 ** attempt, 25) + Math.random() * 5));
  }
}

async function releaseIfOwned(path: string, owner: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === owner) await rm(path, { force: true });
}

/** Moves a dead holder's lock away (rename: of two processes that both see it stale, one wins). */
async function breakIfStale(path: string): Promise<boolean> {
  const [text, info] = await Promise.all([readFile(path, 'utf8').catch(() => null), stat(path).catch(() => null)]);
  if (text === null || info === null) return true; // released meanwhile: try again at once
  const [pid, host] = text.split(' ');
  const isDead = host === hostname() && Number(pid) > 0 && !isProcessAlive(Number(pid));
  if (!isDead && Date.now() - info.mtimeMs < STALE_MS) return false;
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
  const isMoved = await rename(path, aside).then(() => true, () => false);
  if (isMoved) await rm(aside, { force: true });
  return true;
}

