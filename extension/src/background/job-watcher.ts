/**
 * Keeps the stored jobs current. An MV3 worker may be suspended at any time, so there are two ways:
 * a live event stream while a page holds a watch port open (the page's pings keep the worker awake),
 * and an alarm that polls every analysing job otherwise. Both end in `recordJob`.
 */
import type { Job } from '../../../shared/src/api/types.js';
import { clearAlarm, createAlarm, onAlarm, onPortConnect, type Port } from '../browser.js';
import { isAnalysing } from '../jobs.js';
import { WATCH_PORT_PREFIX } from '../messages.js';
import { connectEngine } from './engine.js';
import { readJobs, recordJob } from './job-store.js';
import { notifyTransition } from './notifications.js';

const POLL_ALARM = 'onscreen-poll-jobs';
/** Chromium's shortest alarm period. */
const POLL_MINUTES = 0.5;

const live = new Map<string, { watchers: number; controller: AbortController }>();

/** Stores a job and notifies on the transitions that deserve it. */
export async function noteJob(job: Job): Promise<void> {
  const transition = await recordJob(job);
  if (transition) await notifyTransition(job, transition).catch(() => undefined);
  if (isAnalysing(job)) startPolling();
}

export function startPolling(): void {
  createAlarm(POLL_ALARM, POLL_MINUTES);
}

export async function pollJobs(): Promise<void> {
  const analysing = (await readJobs()).filter(isAnalysing);
  if (analysing.length === 0) {
    await clearAlarm(POLL_ALARM);
    return;
  }
  const client = await connectEngine();
  await Promise.all(analysing.map(async (job) => noteJob(await client.getJob(job.id)).catch(() => undefined)));
}

function watchLive(jobId: string): () => void {
  const entry = live.get(jobId);
  if (entry) entry.watchers += 1;
  else {
    const controller = new AbortController();
    live.set(jobId, { watchers: 1, controller });
    void connectEngine()
      .then((client) => client.watchJob(jobId, (job) => void noteJob(job), controller.signal))
      .catch(() => undefined)
      .finally(() => {
        if (live.get(jobId)?.controller === controller) live.delete(jobId);
      });
  }
  return () => {
    const current = live.get(jobId);
    if (!current) return;
    current.watchers -= 1;
    if (current.watchers <= 0) {
      current.controller.abort();
      live.delete(jobId);
    }
  };
}

export function startJobWatcher(): void {
  onAlarm((name) => {
    if (name === POLL_ALARM) void pollJobs().catch(() => undefined);
  });
  onPortConnect((port: Port) => {
    if (!port.name.startsWith(WATCH_PORT_PREFIX)) return;
    const release = watchLive(port.name.slice(WATCH_PORT_PREFIX.length));
    port.onDisconnect.addListener(release);
  });
}
