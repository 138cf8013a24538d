/**
 * Data at rest is for this account only (issue 10): folders 0700 and files 0600, whatever the
 * umask the service was started with. The process mask covers every file the service, its
 * analysis children and SQLite (database, WAL, shared memory) create; the data folder and
 * database of an earlier version are narrowed once at start.
 */
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
