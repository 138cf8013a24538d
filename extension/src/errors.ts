/**
 * Errors as the extension shows them: the engine's codes plus the few only the extension knows,
 * turned into plain words and the one thing the user can do about it.
 */
import { isErrorCode, OnscreenError, type ErrorCode } from '../../shared/src/errors.js';

export type ExtensionErrorCode = ErrorCode | 'not_configured' | 'no_permission' | 'no_tab';

/** An error as it crosses a message boundary (plain data). */
export interface ErrorInfo {
  code: ExtensionErrorCode;
  message: string;
  hint?: string;
}

export class ExtensionError extends Error {
  readonly code: ExtensionErrorCode;
  readonly hint: string | undefined;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ExtensionError';
    this.code = info.code;
    this.hint = info.hint;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** A code as a job's error carries it (a plain string) as one the extension knows. */
export function asCode(code: string): ExtensionErrorCode {
  return isErrorCode(code) || EXTENSION_CODES.has(code) ? (code as ExtensionErrorCode) : 'internal';
}

const EXTENSION_CODES = new Set(['not_configured', 'no_permission', 'no_tab']);

/** Any thrown value as plain data; never a stack trace. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ExtensionError) return error.toInfo();
  if (error instanceof OnscreenError) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { code: 'internal', message: 'Something went wrong inside the onscreen extension.' };
}

export type ErrorAction = 'options' | 'retry' | 'none';

export interface ErrorDisplay {
  /** What happened, in one sentence. */
  title: string;
  /** What to do about it. */
  advice: string;
  action: ErrorAction;
}

const VIDEO_REFUSED = new Set<string>([
  'source_not_found', 'source_private', 'source_unavailable', 'youtube_unsupported', 'url_invalid', 'url_private_address',
  'video_unreadable', 'video_no_stream', 'video_empty', 'video_too_large', 'video_too_long', 'video_resolution',
]);

/**
 * The engine refused the video itself (private, removed, too long…): analysing it again gives the
 * same answer, so the extension offers another video, never a retry. Any other failure (a download
 * that broke, an engine that was down or missed its models) can go better next time.
 */
export function isVideoRefusal(code: string): boolean {
  return VIDEO_REFUSED.has(code);
}

/** Plain words for an error, with what to do; `serverUrl` names the engine the user set. */
export function describeError(error: ErrorInfo, serverUrl = ''): ErrorDisplay {
  const engine = serverUrl ? `the onscreen engine at ${serverUrl}` : 'the onscreen engine';
  switch (error.code) {
    case 'not_configured':
      return { title: 'onscreen is not connected to an engine yet.', advice: "Open Options and enter your engine's address and token.", action: 'options' };
    case 'no_permission':
      return { title: `The extension has not been allowed to reach ${engine}.`, advice: 'Open Options and press "Save" to allow it.', action: 'options' };
    case 'unavailable':
      return { title: `Can't reach ${engine}.`, advice: 'Check that it is running and that the address in Options is right, then try again.', action: 'retry' };
    case 'unauthorized':
      return {
        title: 'The engine refused the token.',
        advice: 'Open Options and paste a valid API token (where the engine runs, `npx onscreen token create <name>` makes one).',
        action: 'options',
      };
    case 'forbidden':
      return { title: 'This token may not do that.', advice: 'Ask whoever runs the engine for a token that may start analyses.', action: 'options' };
    case 'rate_limited':
      return { title: 'The engine is busy.', advice: 'Wait a minute and try again.', action: 'retry' };
    case 'no_tab':
      return { title: 'The video is no longer open.', advice: 'Open the video on YouTube, then press "Show me" again.', action: 'none' };
    case 'job_not_found':
      return { title: 'The engine no longer has this analysis.', advice: 'Start a new analysis.', action: 'retry' };
    default:
      if (isVideoRefusal(error.code)) {
        return { title: `The engine can't analyse this video: ${lowerFirst(error.message)}`, advice: error.hint ?? 'Try another video.', action: 'none' };
      }
      return { title: error.message, advice: error.hint ?? 'Try again in a moment.', action: 'retry' };
  }
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
