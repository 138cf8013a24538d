import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { decodeFailure, encodeFailure, toJobFailure } from '../../../engine/src/queue/job-errors.js';

test('a failure survives the trip through a BullMQ failedReason', () => {
  const failure = toJobFailure(new OnscreenError('video_unreadable', 'The file clip.mp4 is not a video.', { hint: 'Try another file.' }));
  assert.deepEqual(decodeFailure(encodeFailure(failure)), failure);
  assert.equal(failure.isRetryable, false);
  assert.equal(toJobFailure(new OnscreenError('download_timeout')).isRetryable, true);
});

test('unknown errors become internal and retryable, without their details', () => {
  const failure = toJobFailure(new TypeError('x is undefined at /srv/secret/path.ts'));
  assert.equal(failure.code, 'internal');
  assert.doesNotMatch(failure.message, /secret/);
  assert.deepEqual(decodeFailure('job stalled more than allowable limit'), { code: 'internal', message: failure.message, isRetryable: true });
});
