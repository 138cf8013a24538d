import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeStripSegments, hasGenderedTime, MIN_SEGMENT_PERCENT, placeStrip } from '../../../extension/src/ui/strip-geometry.js';
import { makeTimelineReport } from './fixtures.js';

test('runs of bins become one segment per lane, in percent of the bar', () => {
  // 10 bins of 1 s over 10 s: women 0–3 s, both 2–3 s, men 2–5 s and 8–10 s.
  const report = makeTimelineReport('FFBMM...MM', 1, 10);
  assert.deepEqual(computeStripSegments(report), [
    { lane: 'female', left: 0, width: 30 },
    { lane: 'male', left: 20, width: 30 },
    { lane: 'male', left: 80, width: 20 },
  ]);
});

test("segments are placed on the player's own duration when it is known", () => {
  // The engine measured 10 s, the player says 12.5 s: the bar is longer, marks sit further left.
  const report = makeTimelineReport('.....FFFFF', 1, 10);
  assert.deepEqual(computeStripSegments(report, 12.5), [{ lane: 'female', left: 40, width: 40 }]);
  // An unknown or endless player duration falls back to the engine's.
  assert.deepEqual(computeStripSegments(report, Number.NaN), [{ lane: 'female', left: 50, width: 50 }]);
  assert.deepEqual(computeStripSegments(report, Number.POSITIVE_INFINITY), [{ lane: 'female', left: 50, width: 50 }]);
});

test('a glimpse in a long video still gets a visible mark', () => {
  const lanes = `${'.'.repeat(3000)}M${'.'.repeat(2999)}`;
  const [segment] = computeStripSegments(makeTimelineReport(lanes, 0.5, 3000));
  assert.equal(segment?.lane, 'male');
  assert.equal(segment?.left, 50);
  assert.equal(segment?.width, MIN_SEGMENT_PERCENT);
});

test('a report with nobody tagged female or male has nothing to draw', () => {
  assert.equal(hasGenderedTime(makeTimelineReport('....', 1, 4)), false);
  assert.equal(hasGenderedTime(makeTimelineReport('..M.', 1, 4)), true);
  assert.deepEqual(computeStripSegments(makeTimelineReport('....', 1, 4)), []);
});

test("the strip goes under the progress bar when the room above the controls fits it", () => {
  // A bar 5 px high at y 400, controls starting 12 px under it: 7 px of strip fit with 1 px gaps.
  const bar = { top: 400, bottom: 405, left: 12, right: 842 };
  const player = { top: 0, bottom: 480, left: 0, right: 854 };
  assert.equal(placeStrip(bar, player, [{ top: 417, bottom: 465, left: 12, right: 842 }], 7), 6);
});

test("the strip goes just above the bar when the controls start right under it (YouTube's default player)", () => {
  const bar = { top: 422, bottom: 427, left: 12, right: 842 };
  const player = { top: 0, bottom: 480, left: 0, right: 854 };
  assert.equal(placeStrip(bar, player, [{ top: 427, bottom: 475, left: 12, right: 842 }], 7), -8);
});

test("the strip stays inside the player: a bar on the mini-player's bottom edge gets it above", () => {
  const bar = { top: 222, bottom: 225, left: 0, right: 400 };
  const player = { top: 0, bottom: 225, left: 0, right: 400 };
  // No controls near the bar; below would fall outside the player, which clips it.
  assert.equal(placeStrip(bar, player, [{ top: 88, bottom: 136, left: 0, right: 400 }], 7), -8);
});

test('controls beside the bar, not over it, do not push the strip away', () => {
  const bar = { top: 400, bottom: 405, left: 100, right: 500 };
  const player = { top: 0, bottom: 480, left: 0, right: 854 };
  assert.equal(placeStrip(bar, player, [{ top: 400, bottom: 450, left: 600, right: 854 }], 7), 6);
});
