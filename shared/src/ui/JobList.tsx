/** Recent analyses in a table: what, how far along, how many people, when. */
import type { JSX } from 'preact';
import type { Job } from '../api/types.js';
import { describeStatus, formatDuration } from './format.js';

export interface JobListProps {
  jobs: Job[];
  /** Where a job's row links to (e.g. its page URL). */
  hrefFor: (job: Job) => string;
  /** Dates as the reader's locale shows them; injected so tests and servers stay deterministic. */
  formatDate?: (iso: string) => string;
}

export function JobList({ jobs, hrefFor, formatDate = (iso) => iso.slice(0, 16).replace('T', ' ') }: JobListProps): JSX.Element {
  if (jobs.length === 0) return <p class="os-empty">No videos analysed yet.</p>;
  return (
    <table class="os-jobs">
      <thead>
        <tr>
          <th scope="col">Video</th>
          <th scope="col">Status</th>
          <th scope="col">People</th>
          <th scope="col">Length</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr data-job={job.id}>
            <td>
              <a href={hrefFor(job)}>{job.title ?? job.source.label}</a>
              {job.title && <div class="os-muted os-jobs__source">{job.source.label}</div>}
            </td>
            <td>
              <span class={`os-status os-status--${job.status}`}>{describeStatus(job.status)}</span>
              {(job.status === 'running' || job.status === 'queued') && (
                <span class="os-muted"> {Math.round(job.progress.percent)}%</span>
              )}
            </td>
            <td>{job.people ?? '–'}</td>
            <td>{job.duration === null ? '–' : formatDuration(job.duration)}</td>
            <td>{formatDate(job.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
