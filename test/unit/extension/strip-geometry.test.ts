import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeStripSegments, hasGenderedTime, MIN_SEGMENT_PERCENT } from '../../../extension/src/ui/strip-geometry.js';
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
