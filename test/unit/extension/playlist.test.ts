/** A playlist's analysis in one line and one percent, as the popup shows it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { summarisePlaylist } from '../../../extension/src/playlist.js';

const job = (status: Job['status'], percent = 0, etaSeconds: number | null = null): Pick<Job, 'status' | 'progress'> => ({ status, progress: { stage: 'faces', percent, etaSeconds, message: '' } });

test('a playlist under way: counts by state, and the mean progress with finished and failed videos at 100%', () => {
  const summary = summarisePlaylist([job('done'), job('tagging'), job('running', 40), job('queued'), job('failed')]);
  assert.equal(summary.line, '2 of 5 videos analysed · 1 analysing · 1 waiting · 1 failed');
  assert.equal(summary.percent, Math.floor((100 + 100 + 40 + 0 + 100) / 5));
  assert.equal(summary.isFinished, false);
  assert.equal(summary.eta, 'working out the time left', 'no running video has an estimate yet');
});

test('the time left: the running videos\' estimates, and each waiting one at a running one\'s whole time', () => {
  // 60 s left at 40%: a video takes 100 s; two waiting add 200 s.
  assert.equal(summarisePlaylist([job('running', 40, 60), job('queued'), job('queued'), job('done')]).eta, 'about 4 minutes left');
  assert.equal(summarisePlaylist([job('running', 90, 20)]).eta, 'less than a minute left');
});

test('a finished playlist, and one video', () => {
  assert.deepEqual(summarisePlaylist([job('tagging'), job('failed')]), { analysed: 1, analysing: 0, waiting: 0, failed: 1, percent: 100, isFinished: true, line: '1 of 2 videos analysed · 1 failed', eta: null });
  assert.equal(summarisePlaylist([job('queued')]).line, '0 of 1 video analysed · 1 waiting');
});
