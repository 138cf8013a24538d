/**
 * The bot's one translation of failures into words. An OnscreenError says what happened and
 * what to do; anything else says only that it went wrong (the details go to the log). Problems
 * only an admin can fix (the engine is down, it refuses the bot's token, it lacks its models)
 * are said in plain words to the person who asked, never with the engine's address or hints
 * meant for admins, and their details are logged for the admin (see `logAdminProblem`).
 */
import type { Logger } from '@slack/bolt';
import type { Job } from '../../../shared/src/api/types.js';
import { isErrorCode, OnscreenError, type ErrorCode } from '../../../shared/src/errors.js';

const SLACK_ERRORS: Record<string, string> = {
  not_in_channel: 'I am not in that channel yet: invite me with `/invite @onscreen` and try again.',
  channel_not_found: 'I cannot see that channel: invite me with `/invite @onscreen` and try again.',
  is_archived: 'That channel is archived.',
  ratelimited: 'Slack asked me to slow down; try again in a minute.',
};

/** Problems of setup, in the words the person who asked gets. */
const ADMIN_PROBLEMS: Partial<Record<ErrorCode, string>> = {
  unavailable: 'onscreen\'s engine is not reachable; an admin has been told.',
  unauthorized: 'onscreen\'s engine does not accept the bot (its access token is wrong); an admin has been told.',
  forbidden: 'onscreen\'s engine does not let the bot do this (its access token lacks the right); an admin has been told.',
  models_missing: 'onscreen\'s engine is missing its face models; an admin has been told.',
  models_corrupt: 'onscreen\'s engine has damaged face models; an admin has been told.',
  ffmpeg_missing: 'onscreen\'s engine is missing a video tool (ffmpeg); an admin has been told.',
};

/** A sentence (or two) a person can act on. */
export function describeError(error: unknown): string {
  if (isAdminProblem(error)) return ADMIN_PROBLEMS[(error as OnscreenError).code] as string;
  if (error instanceof OnscreenError) return withHint(error.message, error.hint);
  const slackCode = slackErrorCode(error);
  if (slackCode && SLACK_ERRORS[slackCode]) return SLACK_ERRORS[slackCode];
  return 'Something went wrong on my side; the details are in the bot\'s log.';
}

/** True for a failure only an admin can fix: it is said privately, and logged with its details. */
export function isAdminProblem(error: unknown): error is OnscreenError {
  return error instanceof OnscreenError && ADMIN_PROBLEMS[error.code] !== undefined;
}

/** Logs an admin problem with everything the admin needs (code, message, hint, cause). */
export function logAdminProblem(logger: Logger, doing: string, error: OnscreenError): void {
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  logger.error(`For the admin: while trying to ${doing}: [${error.code}] ${error.message}${error.hint ? ` ${error.hint}` : ''}${cause}`);
}

/** The failure of a job the engine gave up on, as an error of the family. */
export function jobFailure(job: Job): OnscreenError {
  if (!job.error) return new OnscreenError('internal', 'The analysis failed without saying why.');
  const code = isErrorCode(job.error.code) ? job.error.code : 'internal';
  return new OnscreenError(code, job.error.message || 'The analysis failed without saying why.', { hint: job.error.hint });
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
