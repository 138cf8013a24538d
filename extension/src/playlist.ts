/** A playlist's analysis in words, one percent and the time left, from its jobs. Pure. */
import type { Job } from '../../shared/src/api/types.js';
import { formatEta } from '../../shared/src/format/eta.js';

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
  /** "about 6 minutes left", "working out the time left" until a running video has an estimate; null when finished. */
  eta: string | null;
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
  const isFinished = analysing + waiting === 0;
  return { analysed, analysing, waiting, failed, percent, isFinished, line: parts.join(' · '), eta: isFinished ? null : formatEta(estimateSecondsLeft(jobs)) };
}

/**
 * The running videos' own estimates, plus each waiting video at the time a running one takes in all
 * (its estimate over the part left), the videos analysed one after another: rough, as any ETA.
 */
function estimateSecondsLeft(jobs: readonly Pick<Job, 'status' | 'progress'>[]): number | null {
  const running = jobs.filter((j) => j.status === 'running' && j.progress.etaSeconds !== null && j.progress.percent < 100);
  if (running.length === 0) return null;
  const left = running.reduce((sum, j) => sum + (j.progress.etaSeconds as number), 0);
  const perVideo = running.reduce((sum, j) => sum + (j.progress.etaSeconds as number) / (1 - j.progress.percent / 100), 0) / running.length;
  return left + jobs.filter((j) => j.status === 'queued').length * perVideo;
}
