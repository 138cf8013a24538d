/**
 * The bot's one translation of failures into words for a thread: an OnscreenError says what
 * happened and what to do; anything else says only that it went wrong (the details go to the log).
 */
import { OnscreenError } from '../../../shared/src/errors.js';
import type { Job } from '../../../shared/src/api/types.js';

const SLACK_ERRORS: Record<string, string> = {
  not_in_channel: 'I am not in that channel yet: invite me with `/invite @onscreen` and try again.',
  channel_not_found: 'I cannot see that channel: invite me with `/invite @onscreen` and try again.',
  is_archived: 'That channel is archived.',
  ratelimited: 'Slack asked me to slow down; try again in a minute.',
};

/** A sentence (or two) a person can act on. */
export function describeError(error: unknown): string {
  if (error instanceof OnscreenError) return withHint(error.message, error.hint);
  const slackCode = slackErrorCode(error);
  if (slackCode && SLACK_ERRORS[slackCode]) return SLACK_ERRORS[slackCode];
  return 'Something went wrong on my side; the details are in the bot\'s log.';
}

/** The words for a job the engine gave up on. */
export function describeJobFailure(job: Job): string {
  if (!job.error) return 'The analysis failed without saying why.';
  return withHint(job.error.message, job.error.hint);
}

/** The `error` field of a Slack Web API failure (`not_in_channel`…), if it is one. */
export function slackErrorCode(error: unknown): string | null {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

function withHint(message: string, hint: string | undefined): string {
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return hint ? `${sentence} ${hint}` : sentence;
}
