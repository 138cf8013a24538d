/**
 * Data at rest is for this account only (issue 10): folders 0700 and files 0600, whatever the
 * umask the service was started with. The process mask covers every file the service, its
 * analysis children and SQLite (database, WAL, shared memory) create; the data folder and
 * database of an earlier version are narrowed once at start.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

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
