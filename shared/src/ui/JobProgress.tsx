/** Where an analysis is: the stage in words, a bar, the time left, or why it failed. */
import type { JSX } from 'preact';
import type { Job } from '../api/types.js';
import { describeStage, formatEta } from './format.js';

export interface JobProgressProps {
  job: Pick<Job, 'status' | 'progress' | 'error'>;
}

export function JobProgress({ job }: JobProgressProps): JSX.Element {
  if (job.status === 'failed') {
    return (
      <div class="os-progress os-progress--failed" role="alert">
        <strong>The analysis failed.</strong>
        <p>{job.error?.message ?? 'Something went wrong while analysing the video.'}</p>
        {job.error?.hint && <p class="os-muted">{job.error.hint}</p>}
      </div>
    );
  }
  const { progress } = job;
  const percent = Math.max(0, Math.min(100, Math.round(progress.percent)));
  const isWaiting = job.status === 'queued';
  return (
    <div class="os-progress" aria-live="polite">
      <div class="os-progress__head">
        <strong>{isWaiting ? 'Waiting for a free worker' : describeStage(progress.stage)}</strong>
        <span class="os-progress__figures">
          {percent}% · {isWaiting && progress.etaSeconds === null ? 'starting soon' : formatEta(progress.etaSeconds)}
        </span>
      </div>
      <div class="os-meter os-meter--large" role="progressbar" aria-label="Analysis progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div class="os-meter__fill" style={{ width: `${percent}%` }} />
      </div>
      {progress.message && <p class="os-muted">{progress.message}</p>}
    </div>
  );
}
