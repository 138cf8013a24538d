/**
 * One error family for the whole product. Each edge translates it once:
 * HTTP status in the API, UnrecoverableError in the worker, a line and exit code in the CLI,
 * a polite reply in Slack, a message in the extension.
 */

export const ERROR_CODES = {
  // input
  video_unreadable: { status: 422, retry: false, message: 'The file is not a video that can be read.' },
  video_no_stream: { status: 422, retry: false, message: 'The file has no video stream (audio only?).' },
  video_empty: { status: 422, retry: false, message: 'The file is empty.' },
  video_too_large: { status: 413, retry: false, message: 'The video is larger than this server accepts.' },
  video_too_long: { status: 422, retry: false, message: 'The video is longer than this server accepts.' },
  video_resolution: { status: 422, retry: false, message: 'The video resolution is not supported.' },
  source_not_found: { status: 404, retry: false, message: 'The video could not be found.' },
  source_private: { status: 422, retry: false, message: 'The video is private or needs a sign-in.' },
  source_unavailable: { status: 422, retry: false, message: 'The video is not available (removed, region-locked or live).' },
  url_invalid: { status: 400, retry: false, message: 'That is not a valid http(s) URL.' },
  url_private_address: { status: 422, retry: false, message: 'That URL points to a private, loopback or link-local network address.' },
  download_failed: { status: 502, retry: true, message: 'The video could not be downloaded.' },
  download_timeout: { status: 504, retry: true, message: 'The download took too long.' },
  youtube_unsupported: { status: 422, retry: false, message: 'This YouTube page could not be read.' },
  // engine
  models_missing: { status: 500, retry: false, message: 'The face models are not installed. Run `npx onscreen models fetch`.' },
  models_corrupt: { status: 500, retry: false, message: 'A model file does not match its checksum. Run `npx onscreen models fetch` again.' },
  ffmpeg_missing: { status: 500, retry: false, message: 'ffmpeg was not found. Run `npm install` or install ffmpeg.' },
  analysis_missing: { status: 404, retry: false, message: 'No analysis found in that folder. Run `onscreen analyze` first.' },
  analysis_incompatible: { status: 422, retry: false, message: 'The analysis was written by an incompatible version.' },
  cluster_unknown: { status: 404, retry: false, message: 'No such person (cluster).' },
  track_unknown: { status: 400, retry: false, message: 'No such track in that person.' },
  nothing_to_undo: { status: 409, retry: false, message: 'There is nothing to undo.' },
  library_incompatible: { status: 500, retry: false, message: 'The people library is damaged or of another format version.' },
  library_off: { status: 404, retry: false, message: 'The people library is off on this server (ONSCREEN_LIBRARY_ENABLED).' },
  library_person_unknown: { status: 404, retry: false, message: 'No such person in the people library.' },
  nothing_to_add: { status: 422, retry: false, message: 'Nobody in that analysis was tagged by a person, so there is nobody to add to the library.' },
  nothing_to_redo: { status: 409, retry: false, message: 'There is nothing to redo.' },
  interrupted: { status: 503, retry: true, message: 'The work was interrupted.' },
  internal: { status: 500, retry: true, message: 'Something went wrong inside onscreen.' },
  // service
  bad_request: { status: 400, retry: false, message: 'The request is malformed.' },
  unauthorized: { status: 401, retry: false, message: 'A valid API token is required.' },
  forbidden: { status: 403, retry: false, message: 'That token may not do this.' },
  not_found: { status: 404, retry: false, message: 'Not found.' },
  job_not_found: { status: 404, retry: false, message: 'No such job.' },
  job_not_ready: { status: 409, retry: false, message: 'The job has not finished analysing yet.' },
  collection_not_found: { status: 404, retry: false, message: 'No such collection.' },
  collection_empty: { status: 409, retry: false, message: 'The collection has no analysed video to report on yet.' },
  payload_too_large: { status: 413, retry: false, message: 'The request body is too large.' },
  rate_limited: { status: 429, retry: true, message: 'Too many requests; slow down.' },
  unavailable: { status: 503, retry: true, message: 'The service is not ready.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The JSON body of every API error, and what workers report for a failed job. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; hint?: string };
}

/** An expected, user-facing failure. `message` is a full sentence a person can act on. */
export class OnscreenError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message?: string, options?: { hint?: string; cause?: unknown }) {
    super(message ?? ERROR_CODES[code].message, { cause: options?.cause });
    this.name = 'OnscreenError';
    this.code = code;
    this.hint = options?.hint;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get isRetryable(): boolean {
    return ERROR_CODES[this.code].retry;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) } };
  }

  static fromBody(body: ErrorBody): OnscreenError {
    return new OnscreenError(body.error.code, body.error.message, { hint: body.error.hint });
  }
}
