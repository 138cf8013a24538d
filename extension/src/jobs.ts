/**
 * The jobs the extension knows of, as kept in local storage by the worker and read by every page.
 * Pure: the list logic and the transitions that deserve a notification.
 */
import type { Job } from '../../shared/src/api/types.js';

/** Storage key of the recent jobs (newest first). */
export const JOBS_KEY = 'jobs';
/** Storage key of `{ [jobId]: n }`, bumped whenever tags change, so open pages refresh their report. */
export const REPORT_STAMPS_KEY = 'reportStamps';
export const MAX_RECENT_JOBS = 30;

/** Puts `job` in the list (replacing its older copy), newest first, at most `max` long. */
export function upsertJob(jobs: readonly Job[], job: Job, max = MAX_RECENT_JOBS): { jobs: Job[]; previous: Job | undefined } {
  const previous = jobs.find((j) => j.id === job.id);
  const rest = jobs.filter((j) => j.id !== job.id);
  const next = [job, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, max);
  return { jobs: next, previous };
}

/** The newest job for a YouTube video, if any. */
export function findJobForVideo(jobs: readonly Job[] | undefined, videoId: string): Job | undefined {
  return (jobs ?? []).filter((j) => j.source.videoId === videoId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

export function isAnalysing(job: Pick<Job, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

export type JobTransition = 'ready-to-tag' | 'failed' | null;

/** What changed between two sightings of a job that the user should hear about. */
export function findTransition(previous: Job | undefined, next: Job): JobTransition {
  // A job first seen already analysed (reused, or started elsewhere) is no news.
  if (previous === undefined || !isAnalysing(previous)) return null;
  if (next.status === 'tagging') return 'ready-to-tag';
  if (next.status === 'failed') return 'failed';
  return null;
}

/** A job's name for people: its title, else its video id or source label. */
export function describeJob(job: Job): string {
  return job.title ?? (job.source.videoId ? `YouTube video ${job.source.videoId}` : job.source.label);
}
