/**
 * Uploads a video from the page with progress. fetch() cannot report how much of a request body
 * was sent, so this one call uses XMLHttpRequest; everything else goes through OnscreenClient.
 */
import { API_PREFIX, type Job } from '../../../../shared/src/api/types.js';
import { type ErrorBody, OnscreenError } from '../../../../shared/src/errors.js';

export function uploadWithProgress(token: string, file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<Job> {
  return new Promise<Job>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_PREFIX}/jobs/upload?${new URLSearchParams({ filename: file.name })}`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(JSON.parse(xhr.responseText) as Job) : reject(toError(xhr)));
    xhr.onerror = () => reject(new OnscreenError('unavailable', 'The upload was cut off: the engine could not be reached.'));
    xhr.onabort = () => reject(new OnscreenError('bad_request', 'The upload was cancelled.'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function toError(xhr: XMLHttpRequest): OnscreenError {
  try {
    return OnscreenError.fromBody(JSON.parse(xhr.responseText) as ErrorBody);
  } catch {
    return new OnscreenError(xhr.status === 401 ? 'unauthorized' : 'internal', `The engine answered ${xhr.status} to the upload.`);
  }
}
