/**
 * A worker's scratch space: `<root>/worker-<pid>/<jobId>-<random>/`, one folder per worker
 * process so that workers sharing a machine never sweep each other's running jobs. A worker
 * killed mid-job leaves the video it downloaded and the face crops; the next worker to start
 * (or any worker's retention timer) removes the folders of workers that are no longer alive,
 * and each worker removes its own folders of jobs it is not running.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sweepScratch } from '../storage/scratch-folders.js';
import { isProcessAlive } from '../storage/process-alive.js';

const WORKER_FOLDER = /^worker-(\d+)$/;

export interface WorkerScratch {
  /** Where this worker's analyses put their scratch folders. */
  readonly dir: string;
  /** Removes dead workers' folders and this worker's folders of jobs it is not running. */
  sweep(isRunning: (jobId: string) => boolean): Promise<void>;
}

export async function openWorkerScratch(root: string, pid = process.pid): Promise<WorkerScratch> {
  const dir = join(root, `worker-${pid}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const sweep = async (isRunning: (jobId: string) => boolean) => {
    for (const name of await readdir(root).catch(() => [] as string[])) {
      const owner = Number(WORKER_FOLDER.exec(name)?.[1] ?? NaN);
      if (Number.isInteger(owner) && owner !== pid && !isProcessAlive(owner)) await rm(join(root, name), { recursive: true, force: true });
    }
    await sweepScratch(dir, isRunning);
  };
  await sweep(() => false);
  return { dir, sweep };
}

