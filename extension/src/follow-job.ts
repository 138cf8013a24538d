/**
 * Follows an engine job from a page (content script or popup): the stored job, which the worker
 * keeps current, and, while it is analysing, a watch port that keeps the worker's live stream going.
 */
import type { Job } from '../../shared/src/api/types.js';
import { connectPort, onStorageChange, readStorage, type Port } from './browser.js';
import { findJobForVideo, isAnalysing, JOBS_KEY } from './jobs.js';
import { WATCH_PORT_PREFIX } from './messages.js';
import { ask } from './messaging.js';

export type JobKey = { videoId: string } | { jobId: string };

/** Pings keep an MV3 worker from being suspended while its stream runs (30 s idle limit). */
const PING_MS = 20_000;

/** Calls `onJob` with the job now and on every change, until `signal` aborts. */
export function followJob(key: JobKey, signal: AbortSignal, onJob: (job: Job | null) => void): void {
  const watch = createWatch(signal);
  const update = (job: Job | null): void => {
    if (signal.aborted) return;
    watch.follow(job && isAnalysing(job) ? job.id : null);
    onJob(job);
  };
  const pick = (jobs: Job[] | undefined): Job | undefined =>
    'videoId' in key ? findJobForVideo(jobs, key.videoId) : jobs?.find((j) => j.id === key.jobId);
  const unsubscribe = onStorageChange<Job[]>(JOBS_KEY, (jobs) => {
    const job = pick(jobs);
    if (job) update(job);
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
  const first = 'videoId' in key ? ask('jobForVideo', { videoId: key.videoId }) : ask('refreshJob', { jobId: key.jobId });
  // The engine out of reach: what was last stored is still worth showing.
  first.catch(async () => pick(await readStorage<Job[]>(JOBS_KEY)) ?? null).then(update, () => update(null));
}

/** Holds at most one watch port open, for the job being analysed. */
function createWatch(signal: AbortSignal): { follow: (jobId: string | null) => void } {
  let port: Port | null = null;
  let jobId: string | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const close = (): void => {
    clearInterval(timer);
    port?.disconnect();
    port = null;
  };
  const open = (): void => {
    if (!jobId || signal.aborted) return;
    port = connectPort(`${WATCH_PORT_PREFIX}${jobId}`);
    // The worker restarted: watch again.
    port.onDisconnect.addListener(() => {
      port = null;
      clearInterval(timer);
      setTimeout(() => {
        if (!port) open();
      }, 1000);
    });
    timer = setInterval(() => port?.postMessage({ type: 'ping' }), PING_MS);
  };
  signal.addEventListener('abort', () => {
    jobId = null;
    close();
  }, { once: true });

  return {
    follow(next) {
      if (next === jobId) return;
      close();
      jobId = next;
      open();
    },
  };
}
