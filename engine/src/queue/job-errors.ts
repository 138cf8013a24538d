/**
 * Failures of a job as data: the OnscreenError family's code and sentence, and whether it is
 * worth trying again. Serialised into BullMQ's failedReason as "[code] message" so that a
 * dashboard shows a readable line and the API server recovers the code.
 */
import { ERROR_CODES, isErrorCode, OnscreenError, type ErrorCode } from '../../../shared/src/errors.js';

export interface JobFailure {
  code: ErrorCode;
  message: string;
  hint?: string;
  isRetryable: boolean;
}

export function toJobFailure(error: unknown): JobFailure {
  if (error instanceof OnscreenError) {
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), isRetryable: error.isRetryable };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'interrupted', message: ERROR_CODES.interrupted.message, isRetryable: true };
  }
  return { code: 'internal', message: ERROR_CODES.internal.message, isRetryable: true };
}

export function encodeFailure(failure: JobFailure): string {
  return `[${failure.code}] ${failure.message}${failure.hint ? `\nhint: ${failure.hint}` : ''}`;
}

export function decodeFailure(reason: string | undefined): JobFailure {
  const match = /^\[([a-z_]+)\] ([\s\S]*?)(?:\nhint: ([\s\S]*))?$/.exec(reason ?? '');
  if (!match || !isErrorCode(match[1])) {
    // A failure BullMQ raised itself (a lost lock, a crashed sandbox): not the user's fault.
    return { code: 'internal', message: ERROR_CODES.internal.message, isRetryable: true };
  }
  const code = match[1];
  return { code, message: match[2]!, ...(match[3] ? { hint: match[3] } : {}), isRetryable: ERROR_CODES[code].retry };
}
