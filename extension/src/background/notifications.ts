/** Tells the user when an analysis is ready to tag (or failed), and opens it when they click. */
import type { Job } from '../../../shared/src/api/types.js';
import { onNotificationClick, showNotification } from '../browser.js';
import { describeJob, type JobTransition } from '../jobs.js';

const PREFIX = 'onscreen-job:';

export async function notifyTransition(job: Job, transition: JobTransition): Promise<void> {
  if (transition === 'ready-to-tag') {
    const people = job.people === null ? 'people' : `${job.people} ${job.people === 1 ? 'person' : 'people'}`;
    await showNotification(`${PREFIX}${job.id}`, 'Ready to tag', `${describeJob(job)}: ${people} found. Click to tag them.`);
  } else if (transition === 'failed') {
    await showNotification(`${PREFIX}${job.id}`, 'Analysis failed', `${describeJob(job)}: ${job.error?.message ?? 'the engine gave up.'}`);
  }
}

export function onJobNotificationClick(open: (jobId: string) => void): void {
  onNotificationClick((id) => {
    if (id.startsWith(PREFIX)) open(id.slice(PREFIX.length));
  });
}
