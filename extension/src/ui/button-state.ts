/**
 * The "Analyze representation" button as a state machine: from the page, the job and the last
 * click's outcome to what the button says and does. Pure, so every state is tested.
 */
import type { Job } from '../../../shared/src/api/types.js';
import { isVideoRefusal } from '../errors.js';
import type { VideoPage } from '../youtube-page.js';

export const ANALYZE_LABEL = 'Analyze representation';
/** A failed job whose video the engine refused: analysing it again cannot help. */
export const CANNOT_ANALYSE_LABEL = "Can't analyse this video";

export interface ButtonInput {
  page: VideoPage;
  job: Job | null;
  /** A click is being sent to the engine. */
  isStarting: boolean;
}

export type ButtonTone = 'idle' | 'busy' | 'ready' | 'done' | 'failed' | 'disabled';
/** What a click does: start an analysis (again), or open the job in the popup. */
export type ButtonAction = 'analyze' | 'reanalyze' | 'open' | 'none';

export interface ButtonView {
  label: string;
  /** The tooltip: the longer story. */
  title: string;
  tone: ButtonTone;
  isDisabled: boolean;
  /** 0..100 while analysing, else null. */
  percent: number | null;
  action: ButtonAction;
}

export function describeButton({ page, job, isStarting }: ButtonInput): ButtonView {
  if (page.kind === 'unavailable') {
    return { label: page.label, title: page.reason, tone: 'disabled', isDisabled: true, percent: null, action: 'none' };
  }
  if (isStarting) {
    return { label: 'Starting…', title: 'Sending the video to the onscreen engine.', tone: 'busy', isDisabled: true, percent: 0, action: 'none' };
  }
  if (!job) {
    return { label: ANALYZE_LABEL, title: 'Find the people in this video and measure who gets the screen time.', tone: 'idle', isDisabled: false, percent: null, action: 'analyze' };
  }
  switch (job.status) {
    case 'queued':
      return { label: 'Queued…', title: 'Waiting for the engine to start. Click to see the analysis.', tone: 'busy', isDisabled: false, percent: 0, action: 'open' };
    case 'running': {
      const percent = clampPercent(job.progress.percent);
      return { label: `Analysing ${percent}%`, title: job.progress.message || 'Analysing the video.', tone: 'busy', isDisabled: false, percent, action: 'open' };
    }
    case 'tagging':
      return { label: 'Ready to tag', title: peopleFound(job) + ' Click to tag them.', tone: 'ready', isDisabled: false, percent: null, action: 'open' };
    case 'done':
      return { label: 'See representation', title: 'Tagging is done. Click to see who got the screen time.', tone: 'done', isDisabled: false, percent: null, action: 'open' };
    case 'failed': {
      const title = job.error?.message ?? 'The analysis failed.';
      // Says the same as the message under it: another video, or a retry when one can help.
      if (job.error && isVideoRefusal(job.error.code)) {
        return { label: CANNOT_ANALYSE_LABEL, title, tone: 'failed', isDisabled: true, percent: null, action: 'none' };
      }
      return { label: 'Analysis failed: retry', title, tone: 'failed', isDisabled: false, percent: null, action: 'reanalyze' };
    }
  }
}

function peopleFound(job: Job): string {
  if (job.people === null) return 'The analysis is ready.';
  return `${job.people} ${job.people === 1 ? 'person' : 'people'} found.`;
}

function clampPercent(value: number): number {
  return Math.max(0, Math.min(99, Math.floor(value)));
}
