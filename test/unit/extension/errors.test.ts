import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asCode, describeError, ExtensionError, toErrorInfo } from '../../../extension/src/errors.js';
import { OnscreenError } from '../../../shared/src/errors.js';

test('an unreachable engine is named, with what to check', () => {
  const shown = describeError({ code: 'unavailable', message: 'x' }, 'http://10.0.0.5:8750');
  assert.equal(shown.title, "Can't reach the onscreen engine at http://10.0.0.5:8750.");
  assert.match(shown.advice, /running/);
  assert.equal(shown.action, 'retry');
});

test('a refused token sends the user to the options', () => {
  const shown = describeError({ code: 'unauthorized', message: 'A valid API token is required.' });
  assert.equal(shown.title, 'The engine refused the token.');
  assert.equal(shown.action, 'options');
});

test("a refused video says the engine's reason and suggests another video", () => {
  const shown = describeError({ code: 'source_private', message: 'The video is private or needs a sign-in.' });
  assert.equal(shown.title, "The engine can't analyse this video: the video is private or needs a sign-in.");
  assert.equal(shown.advice, 'Try another video.');
  assert.equal(shown.action, 'none');
  const withHint = describeError({ code: 'video_too_long', message: 'The video is longer than this server accepts.', hint: 'The limit is 2 hours.' });
  assert.equal(withHint.advice, 'The limit is 2 hours.');
});

test('not being set up yet, or not allowed to reach the engine, points to the options', () => {
  assert.equal(describeError({ code: 'not_configured', message: '' }).action, 'options');
  assert.equal(describeError({ code: 'no_permission', message: '' }, 'https://onscreen.example').action, 'options');
  assert.match(describeError({ code: 'no_permission', message: '' }, 'https://onscreen.example').title, /onscreen\.example/);
});

test('errors become plain data without stacks', () => {
  assert.deepEqual(toErrorInfo(new OnscreenError('rate_limited')), { code: 'rate_limited', message: 'Too many requests; slow down.' });
  assert.deepEqual(toErrorInfo(new ExtensionError({ code: 'no_tab', message: 'Gone.', hint: 'Reopen it.' })), { code: 'no_tab', message: 'Gone.', hint: 'Reopen it.' });
  assert.deepEqual(toErrorInfo(new RangeError('bad index 7')), { code: 'internal', message: 'Something went wrong inside the onscreen extension.' });
});

test("a job's error code is taken as is when known, else as internal", () => {
  assert.equal(asCode('source_private'), 'source_private');
  assert.equal(asCode('no_permission'), 'no_permission');
  assert.equal(asCode('some_future_code'), 'internal');
});
