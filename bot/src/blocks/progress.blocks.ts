/** The one progress message per analysis, updated in place: stage, percent, ETA; or the outcome. */
import type { Job, JobStage } from '../../../shared/src/api/types.js';
import { formatEta } from '../../../shared/src/format/eta.js';
import { escapeText, formatBy, formatLink, labelVideo } from './mrkdwn.js';
import { context, message, section, type SlackMessage } from './message.js';

export interface ProgressView {
  url: string;
  title: string | null;
  /** Slack user id of who asked. */
  requestedBy: string;
  /** Null until the engine accepted the job. */
  job: Job | null;
  /** A sentence in plain words when the analysis could not start or failed. */
  failure: string | null;
}

const STAGE_LABELS: Record<JobStage, string> = {
  queued: 'Waiting for a free worker',
  source: 'Fetching the video',
  frames: 'Reading frames',
  faces: 'Finding faces',
  tracks: 'Following faces across frames',
  people: 'Grouping faces into people',
  report: 'Writing the report',
  done: 'Done',
};

const BAR_CELLS = 20;

export function buildProgressMessage(view: ProgressView): SlackMessage {
  const video = formatLink(view.url, labelVideo(view.url, view.title ?? view.job?.title ?? null));
  const who = context(`Asked by ${formatBy(`slack:${view.requestedBy}`)}`);
  if (view.failure) {
    const line = `:warning: I could not analyse ${video}. ${escapeText(view.failure)}`;
    return message(`I could not analyse ${view.url}. ${view.failure}`, [section(line), who]);
  }
  const job = view.job;
  if (!job) {
    return message(`Starting to analyse ${view.url}…`, [section(`:hourglass_flowing_sand: Starting to analyse ${video}…`), who]);
  }
  if (job.status === 'failed') {
    // The reason is worded by whoever settles the message (an admin problem must not show here).
    return message(`The analysis of ${view.url} stopped.`, [section(`:warning: The analysis of ${video} stopped.`), who]);
  }
  if (job.status === 'tagging' || job.status === 'done') {
    const people = job.people ?? 0;
    const found = people === 0 ? 'no faces were found' : `${people} ${people === 1 ? 'person' : 'people'} found`;
    const next = job.status === 'done' ? 'Tagging was finished earlier; the charts follow.' : people > 0 ? 'Tag them below.' : '';
    const line = `:white_check_mark: Analysed ${video}: ${found}. ${next}`.trim();
    return message(`Analysed ${view.url}: ${found}. ${next}`.trim(), [section(line), who]);
  }
  const percent = Math.max(0, Math.min(100, Math.round(job.progress.percent)));
  const stage = STAGE_LABELS[job.progress.stage] ?? job.progress.stage;
  const eta = job.progress.etaSeconds === null ? null : formatEta(job.progress.etaSeconds);
  const figures = [`*${stage}*`, `${percent}%`, ...(eta ? [eta] : [])].join(' · ');
  const detail = job.progress.message ? `\n${escapeText(job.progress.message)}` : '';
  return message(`Analysing ${view.url}: ${stage}, ${percent}%${eta ? `, ${eta}` : ''}`, [
    section(`:mag: Analysing ${video}\n\`${drawBar(percent)}\` ${figures}${detail}`),
    who,
  ]);
}

/** A text progress bar: "██████░░░░…". */
export function drawBar(percent: number): string {
  const filled = Math.round((percent / 100) * BAR_CELLS);
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}
