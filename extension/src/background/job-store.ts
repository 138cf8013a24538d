/** The worker's record of recent jobs in local storage; writes are serialised (read-modify-write). */
import type { Job } from '../../../shared/src/api/types.js';
import { readStorage, writeStorage } from '../browser.js';
import { findTransition, JOBS_KEY, REPORT_STAMPS_KEY, upsertJob, type JobTransition } from '../jobs.js';

let queue: Promise<unknown> = Promise.resolve();

function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

export async function readJobs(): Promise<Job[]> {
  return (await readStorage<Job[]>(JOBS_KEY)) ?? [];
}

/** Stores the newest sighting of a job; answers what changed that is worth telling the user. */
export function recordJob(job: Job): Promise<JobTransition> {
  return serialise(async () => {
    const { jobs, previous } = upsertJob(await readJobs(), job);
    await writeStorage(JOBS_KEY, jobs);
    return findTransition(previous, job);
  });
}

export function forgetJob(jobId: string): Promise<void> {
  return serialise(async () => {
    await writeStorage(JOBS_KEY, (await readJobs()).filter((j) => j.id !== jobId));
  });
}

/** Tells open pages that a job's report changed (tags, merges, splits). */
export function bumpReportStamp(jobId: string): Promise<void> {
  return serialise(async () => {
    const stamps = (await readStorage<Record<string, number>>(REPORT_STAMPS_KEY)) ?? {};
    await writeStorage(REPORT_STAMPS_KEY, { ...stamps, [jobId]: (stamps[jobId] ?? 0) + 1 });
  });
}
