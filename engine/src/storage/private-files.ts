/**
 * Data at rest is for this account only (issue 10): folders 0700 and files 0600, whatever the
 * umask the service was started with. The process mask covers every file the service, its
 * analysis children and SQLite (database, WAL, shared memory) create; the data folder and
 * database of an earlier version are narrowed once at start.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders the engine makes, and files it writes, whatever the process's umask (the CLI's is the user's). */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * A folder of the engine's own (an analysis, a library, a collection report): created 0700, and
 * narrowed to 0700 if it was there already (made by hand, or by a version before this rule).
 */
export async function makePrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  await chmod(dir, PRIVATE_FOLDER_MODE);
}

/** Files and folders created from now on by this process and its children: owner only. */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

/** Creates the data folder if needed and narrows it and the database files to the owner. */
export async function restrictDataDir(dataDir: string): Promise<void> {
  restrictNewFiles();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  for (const name of ['onscreen.sqlite', 'onscreen.sqlite-wal', 'onscreen.sqlite-shm', 'secret']) {
    await chmod(join(dataDir, name), 0o600).catch(() => undefined);
  }
}

/**
 * Before SQLite opens a database: its folder (0700 when new) and the file itself 0600, whoever opens
 * it first (`npx onscreen token create` may run before any `serve`, under any umask). SQLite gives
 * its WAL and shared-memory files the database file's mode.
 */
export function prepareDatabaseFile(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      chmodSync(`${path}${suffix}`, 0o600);
    } catch {
      // not there
    }
  }
}
