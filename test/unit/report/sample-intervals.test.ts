import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutsBetweenSamples, sampleIntervals, secondsOfSamples } from '../../../engine/src/stages/report/sample-intervals.js';

const close = (actual: number, expected: number, message?: string): void =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${message ?? ''} expected ${expected}, got ${actual}`);

function assertIntervals(actual: Array<[number, number]>, expected: Array<[number, number]>): void {
  assert.equal(actual.length, expected.length);
  actual.forEach(([s, e], i) => {
    close(s, expected[i]![0], `start of sample ${i}`);
    close(e, expected[i]![1], `end of sample ${i}`);
  });
}

test('without cuts, samples meet at midpoints and the ends reach the video edges', () => {
  // Samples every 0.5 s in a 2 s video: boundaries at 0.25, 0.75, 1.25; the last runs to 2.
  assertIntervals(sampleIntervals([0, 0.5, 1, 1.5], [], 2), [[0, 0.25], [0.25, 0.75], [0.75, 1.25], [1.25, 2]]);
});

test('a cut between two samples moves their boundary to the cut', () => {
  // Cut at 1.2 between samples 1.0 and 1.5: sample 1.0 ends at 1.2 (not 1.25), sample 1.5 starts there.
  const intervals = sampleIntervals([0, 0.5, 1, 1.5, 2], [1.2], 2.3);
  assertIntervals(intervals, [[0, 0.25], [0.25, 0.75], [0.75, 1.2], [1.2, 1.75], [1.75, 2.3]]);
});

test('a person visible in every sample of one shot gets exactly the shot duration', () => {
  // Shot from 3.1 s to 7.4 s, sampled at 2/s on the half-second grid: samples 3.5 … 7.0.
  const times = Array.from({ length: 20 }, (_, i) => i * 0.5); // 0 … 9.5
  const cuts = [3.1, 7.4];
  const intervals = sampleIntervals(times, cuts, 10);
  const inShot = times.map((t, i) => ({ t, i })).filter(({ t }) => t >= 3.1 && t < 7.4).map(({ i }) => i);
  // Plain sample counting gives 8 samples × 0.5 s = 4.0 s; the shot lasts 7.4 − 3.1 = 4.3 s.
  assert.equal(inShot.length, 8);
  close(secondsOfSamples(intervals, inShot), 4.3);
});

test('intervals tile the video when every shot was sampled', () => {
  const times = [0.1, 0.6, 1.1, 1.6, 2.1, 2.6];
  const intervals = sampleIntervals(times, [0.9, 2.0], 3);
  close(secondsOfSamples(intervals, times.keys()), 3);
  for (let i = 1; i < intervals.length; i += 1) close(intervals[i]![0], intervals[i - 1]![1]);
});

test('a shot with no sample between two cuts belongs to no sample', () => {
  // Cuts at 0.3 and 0.6 between samples 0 and 1: the 0.3 s between the cuts was never seen.
  assertIntervals(sampleIntervals([0, 1], [0.3, 0.6], 1.5), [[0, 0.3], [0.6, 1.5]]);
});

test('a cut exactly at a sample belongs to the new shot; a cut before the first sample starts it', () => {
  assertIntervals(sampleIntervals([0, 0.5, 1], [0.5], 1.2), [[0, 0.5], [0.5, 0.75], [0.75, 1.2]]);
  assertIntervals(sampleIntervals([0.4, 0.9], [0.2], 1.2), [[0.2, 0.65], [0.65, 1.2]]);
});

test('intervals are clamped to the duration and unsorted cuts are accepted', () => {
  assertIntervals(sampleIntervals([0, 1, 2], [1.5, 0.5], 1.8), [[0, 0.5], [0.5, 1.5], [1.5, 1.8]]);
  assertIntervals(sampleIntervals([0, 1, 2], [], 1.2), [[0, 0.5], [0.5, 1.2], [1.2, 1.2]]);
  assert.deepEqual(sampleIntervals([], [], 5), []);
});

test('cutsBetweenSamples marks the gaps that contain a cut', () => {
  assert.deepEqual(cutsBetweenSamples([0, 0.5, 1, 1.5], [0.7, 1.5]), [false, true, true]);
});

test('secondsOfSamples counts a sample once even if listed twice', () => {
  const intervals = sampleIntervals([0, 0.5, 1], [], 1.5);
  close(secondsOfSamples(intervals, [1, 1, 2]), 0.5 + 0.75);
});
