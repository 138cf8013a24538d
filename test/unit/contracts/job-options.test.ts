/** One declaration of the job options and one guard, read by the CLI's flags, the API and the service. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { JOB_OPTIONS, MAX_FPS, parseOptionFlag, resolveJobOptions, resolveOption } from '../../../engine/src/contracts/job-options.js';

const refused = (run: () => unknown, pattern: RegExp) =>
  assert.throws(run, (error: unknown) => error instanceof OnscreenError && error.code === 'bad_request' && pattern.test(error.message));

test('defaults fill what is not given', () => {
  assert.deepEqual(resolveJobOptions({}), { fps: JOB_OPTIONS.fps.default, minFaceSize: JOB_OPTIONS.minFaceSize.default });
  assert.equal(resolveOption('fps', undefined, { fps: { default: 1 } }), 1);
});

test('the fps guard: above 0, at most 30, or less where the server says so', () => {
  assert.equal(resolveOption('fps', 0.5), 0.5);
  assert.equal(resolveOption('fps', MAX_FPS), 30);
  refused(() => resolveOption('fps', 0), /fps\) must be a number above 0 and at most 30, not 0/);
  refused(() => resolveOption('fps', 31), /at most 30/);
  refused(() => resolveOption('fps', 12, { fps: { max: 10 } }), /at most 10, not 12/);
  refused(() => resolveOption('fps', 40, { fps: { max: 50 } }), /at most 30/);
  refused(() => resolveOption('fps', Number.NaN), /fps/);
});

test('CLI flags are read with the same guard', () => {
  assert.equal(parseOptionFlag('fps', '2.5'), 2.5);
  assert.equal(parseOptionFlag('fps', undefined), JOB_OPTIONS.fps.default);
  refused(() => parseOptionFlag('fps', 'fast'), /fps/);
  refused(() => parseOptionFlag('fps', ''), /fps/);
  assert.equal(parseOptionFlag('minFaceSize', '40'), 40);
  refused(() => parseOptionFlag('minFaceSize', '0'), /--min-face\) must be a whole number from 1 to 1000/);
  refused(() => parseOptionFlag('minFaceSize', '12.5'), /whole number/);
});
