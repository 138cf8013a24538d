/**
 * Scratch folders of analyses: `<root>/<jobId>-<random>/` holds the download (the whole video)
 * and face-crops.rgb (96×96 face crops) while a job runs. They are biometric data like the rest,
 * so they go when their job ends in any way: done, failed, cancelled, deleted, or its process
 * killed. A process that cannot clean up after itself (SIGKILL) leaves them to the next sweep.
 */
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const SCRATCH_NAME = /^([0-9a-f]{20})(?:-[\w]+)?$/;

/** The job id a scratch folder belongs to, or null for a name that is not one. */
export function jobIdOfScratch(name: string): string | null {
  return SCRATCH_NAME.exec(name)?.[1] ?? null;
}

/** Removes every scratch folder of one job under `root`. */
export async function removeScratchOf(root: string, jobId: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => jobIdOfScratch(n) === jobId).map((n) => rm(join(root, n), { recursive: true, force: true })));
}

/** Removes the scratch folders under `root` whose job is not running here; returns the job ids removed. */
export async function sweepScratch(root: string, isRunning: (jobId: string) => boolean): Promise<string[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const jobId = jobIdOfScratch(name);
    if (jobId !== null && isRunning(jobId)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    if (jobId) removed.push(jobId);
  }
  return removed;
}

/** Folders in use by this process's analyses, removed synchronously if the process must exit at once. */
const liveFolders = new Set<string>();

export function trackScratch(path: string): () => void {
  liveFolders.add(path);
  return () => liveFolders.delete(path);
}

/** For exit paths that cannot wait (the parent process vanished): removes the live scratch folders now. */
export function removeLiveScratchSync(): void {
  for (const path of liveFolders) rmSync(path, { recursive: true, force: true });
  liveFolders.clear();
}
