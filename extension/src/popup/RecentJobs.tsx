/** A short list of the recent analyses, each a link to its video. */
import type { JSX } from 'preact';
import type { Job } from '../../../shared/src/api/types.js';
import { countPeople, describeStatus } from '../../../shared/src/ui/format.js';
import { describeJob, isAnalysing } from '../jobs.js';
import { canonicalWatchUrl } from '../youtube-page.js';

export interface RecentJobsProps {
  jobs: Job[];
  /** Left out of the list: the job already shown above. */
  currentJobId: string | null;
  /** Where a job without a YouTube video links to. */
  pageUrlOf: (job: Job) => string | null;
}

export function RecentJobs({ jobs, currentJobId, pageUrlOf }: RecentJobsProps): JSX.Element | null {
  const others = jobs.filter((job) => job.id !== currentJobId).slice(0, 8);
  if (others.length === 0) return null;
  return (
    <details class="ext-recent" open={currentJobId === null}>
      <summary>Recent analyses ({others.length})</summary>
      <ul>
        {others.map((job) => {
          const href = job.source.videoId ? canonicalWatchUrl(job.source.videoId) : pageUrlOf(job);
          return (
            <li data-job={job.id}>
              {href ? (
                <a href={href} target="_blank" rel="noreferrer">
                  {describeJob(job)}
                </a>
              ) : (
                <span>{describeJob(job)}</span>
              )}
              <span class={`os-status os-status--${job.status}`}>
                {describeStatus(job.status)}
                {isAnalysing(job) ? ` ${Math.round(job.progress.percent)}%` : ''}
              </span>
              {job.people !== null && <span class="os-muted">{countPeople(job.people)}</span>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
