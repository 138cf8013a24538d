/** A playlist's analysis in words and one percent, from its jobs. Pure. */
import type { Job } from '../../shared/src/api/types.js';

export interface PlaylistSummary {
  /** Analysed (ready to tag, or done). */
  analysed: number;
  analysing: number;
  waiting: number;
  failed: number;
  /** 0..100 over every video (a failed one counts as finished). */
  percent: number;
  isFinished: boolean;
  /** "3 of 10 videos analysed · 2 analysing · 4 waiting · 1 failed". */
  line: string;
}

export function summarisePlaylist(jobs: readonly Pick<Job, 'status' | 'progress'>[]): PlaylistSummary {
  const count = (...statuses: Job['status'][]) => jobs.filter((j) => statuses.includes(j.status)).length;
  const analysed = count('tagging', 'done');
  const analysing = count('running');
  const waiting = count('queued');
  const failed = count('failed');
  const finishedShare = jobs.map((j) => (j.status === 'running' || j.status === 'queued' ? j.progress.percent : 100));
  const percent = jobs.length === 0 ? 0 : Math.floor(finishedShare.reduce((a, b) => a + b, 0) / jobs.length);
  const parts = [`${analysed} of ${jobs.length} ${jobs.length === 1 ? 'video' : 'videos'} analysed`];
  if (analysing > 0) parts.push(`${analysing} analysing`);
  if (waiting > 0) parts.push(`${waiting} waiting`);
  if (failed > 0) parts.push(`${failed} failed`);
  return { analysed, analysing, waiting, failed, percent, isFinished: analysing + waiting === 0, line: parts.join(' · ') };
}
