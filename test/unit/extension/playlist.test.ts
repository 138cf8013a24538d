/** A playlist's analysis in one line and one percent, as the popup shows it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { summarisePlaylist } from '../../../extension/src/playlist.js';

const job = (status: Job['status'], percent = 0): Pick<Job, 'status' | 'progress'> => ({ status, progress: { stage: 'faces', percent, etaSeconds: null, message: '' } });

test('a playlist under way: counts by state, and the mean progress with finished and failed videos at 100%', () => {
  const summary = summarisePlaylist([job('done'), job('tagging'), job('running', 40), job('queued'), job('failed')]);
  assert.equal(summary.line, '2 of 5 videos analysed · 1 analysing · 1 waiting · 1 failed');
  assert.equal(summary.percent, Math.floor((100 + 100 + 40 + 0 + 100) / 5));
  assert.equal(summary.isFinished, false);
});

test('a finished playlist, and one video', () => {
  assert.deepEqual(summarisePlaylist([job('tagging'), job('failed')]), { analysed: 1, analysing: 0, waiting: 0, failed: 1, percent: 100, isFinished: true, line: '1 of 2 videos analysed · 1 failed' });
  assert.equal(summarisePlaylist([job('queued')]).line, '0 of 1 video analysed · 1 waiting');
});
