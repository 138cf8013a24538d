/** The launcher watch's judgement between two ticks (issue 10: a signal to npx alone stops at npm's shell). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeLauncher } from '../../../engine/src/cli/launcher-watch.js';

const LAUNCHER = 4242;

test('a new parent means the launcher is gone, whatever else changed', () => {
  assert.equal(judgeLauncher(LAUNCHER, { ppid: LAUNCHER, shellWakes: 3 }, { ppid: 1, shellWakes: null }, 250), 'gone');
  assert.equal(judgeLauncher(LAUNCHER, { ppid: LAUNCHER, shellWakes: null }, { ppid: 1, shellWakes: null }, 5000), 'gone');
});

test('the waiting shell woke between two timely ticks: a signal reached it', () => {
  assert.equal(judgeLauncher(LAUNCHER, { ppid: LAUNCHER, shellWakes: 3 }, { ppid: LAUNCHER, shellWakes: 4 }, 250), 'woke');
  assert.equal(judgeLauncher(LAUNCHER, { ppid: LAUNCHER, shellWakes: 3 }, { ppid: LAUNCHER, shellWakes: 3 }, 250), 'same');
});

test('a late tick judges nothing: this process was stopped and continued, which wakes the shell too', () => {
  assert.equal(judgeLauncher(LAUNCHER, { ppid: LAUNCHER, shellWakes: 3 }, { ppid: LAUNCHER, shellWakes: 5 }, 4000), 'late');
});

test('a launcher that is not a watched shell (npm itself, macOS) is judged by its presence only', () => {
  assert.equal(judgeLauncher(LAUNCHER, { ppid: LAUNCHER, shellWakes: null }, { ppid: LAUNCHER, shellWakes: null }, 250), 'same');
});
