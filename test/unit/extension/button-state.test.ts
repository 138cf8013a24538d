import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CODES, type ErrorCode } from '../../../shared/src/errors.js';
import { asCode, describeError } from '../../../extension/src/errors.js';
import { ANALYZE_LABEL, CANNOT_ANALYSE_LABEL, describeButton } from '../../../extension/src/ui/button-state.js';
import type { VideoPage } from '../../../extension/src/youtube-page.js';
import { makeJob } from './fixtures.js';

const video: VideoPage = { kind: 'video', videoId: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' };

test('a video without a job offers to analyse it', () => {
  const view = describeButton({ page: video, job: null, isStarting: false });
  assert.equal(view.label, ANALYZE_LABEL);
  assert.equal(view.action, 'analyze');
  assert.equal(view.isDisabled, false);
});

test('a page whose video cannot be analysed gets a disabled button that says why', () => {
  const page: VideoPage = { kind: 'unavailable', label: "Live streams can't be analysed", reason: 'Live streams cannot be analysed. Try later.' };
  const view = describeButton({ page, job: makeJob({ status: 'done' }), isStarting: false });
  assert.equal(view.isDisabled, true);
  assert.equal(view.label, "Live streams can't be analysed");
  assert.equal(view.title, page.reason);
  assert.equal(view.action, 'none');
});

test('while the click is on its way the button is busy and cannot be clicked twice', () => {
  const view = describeButton({ page: video, job: null, isStarting: true });
  assert.equal(view.label, 'Starting…');
  assert.equal(view.isDisabled, true);
});

test('each job state has its own label and action', () => {
  const cases = [
    { job: makeJob({ status: 'queued' }), label: 'Queued…', action: 'open', percent: 0 },
    {
      job: makeJob({ status: 'running', progress: { stage: 'faces', percent: 42.7, etaSeconds: 30, message: 'Finding faces' } }),
      label: 'Analysing 42%',
      action: 'open',
      percent: 42,
    },
    { job: makeJob({ status: 'tagging', people: 6 }), label: 'Ready to tag', action: 'open', percent: null },
    { job: makeJob({ status: 'done' }), label: 'See representation', action: 'open', percent: null },
    {
      job: makeJob({ status: 'failed', error: { code: 'download_failed', message: 'The video could not be downloaded.' } }),
      label: 'Analysis failed: retry',
      action: 'reanalyze',
      percent: null,
    },
  ] as const;
  for (const { job, label, action, percent } of cases) {
    const view = describeButton({ page: video, job, isStarting: false });
    assert.equal(view.label, label, job.status);
    assert.equal(view.action, action, job.status);
    assert.equal(view.percent, percent, job.status);
    assert.equal(view.isDisabled, false, job.status);
  }
});

test('the tooltip tells how many people were found and why a job failed', () => {
  assert.match(describeButton({ page: video, job: makeJob({ status: 'tagging', people: 1 }), isStarting: false }).title, /^1 person found/);
  assert.match(describeButton({ page: video, job: makeJob({ status: 'tagging', people: 6 }), isStarting: false }).title, /^6 people found/);
  const failed = makeJob({ status: 'failed', error: { code: 'source_private', message: 'The video is private.' } });
  assert.equal(describeButton({ page: video, job: failed, isStarting: false }).title, 'The video is private.');
});

test('progress never shows 100% before the job has left the analysing states', () => {
  const job = makeJob({ status: 'running', progress: { stage: 'report', percent: 100, etaSeconds: 0, message: '' } });
  assert.equal(describeButton({ page: video, job, isStarting: false }).label, 'Analysing 99%');
});

test('a video the engine refused offers another video, not a retry that would fail the same way', () => {
  const refused = makeJob({ status: 'failed', error: { code: 'source_private', message: 'The video is private or needs a sign-in.' } });
  const view = describeButton({ page: video, job: refused, isStarting: false });
  assert.equal(view.label, CANNOT_ANALYSE_LABEL);
  assert.equal(view.action, 'none');
  assert.equal(view.isDisabled, true);
  assert.equal(view.title, 'The video is private or needs a sign-in.');
});

test('the button and the message under it agree on every engine error: a retry exactly when one can help', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const job = makeJob({ status: 'failed', error: { code, message: ERROR_CODES[code].message } });
    const view = describeButton({ page: video, job, isStarting: false });
    const message = describeError({ code: asCode(code), message: ERROR_CODES[code].message });
    const offersAnotherVideo = message.action === 'none' && /another video/i.test(message.advice);
    assert.equal(view.action === 'none', offersAnotherVideo, `${code}: button "${view.label}", message "${message.advice}"`);
    assert.equal(view.label === 'Analysis failed: retry', !offersAnotherVideo, code);
    // Whatever the engine marks retryable is always offered again.
    if (ERROR_CODES[code].retry) assert.equal(view.action, 'reanalyze', code);
  }
});
