import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COLOURS } from '../../../shared/src/ui/format.js';
import { buildTimelineSvg, computeTimelineRuns, drawTimeline, type Canvas2DLike } from '../../../shared/src/ui/timeline.js';
import { makeReport } from './ui-fixtures.js';

test('computeTimelineRuns joins neighbouring bins into one run per stretch', () => {
  const { timeline } = makeReport();
  const runs = computeTimelineRuns(timeline, 10);
  assert.deepEqual(runs, [
    { lane: 'female', start: 0, end: 0.3 },
    { lane: 'male', start: 0.2, end: 0.6 },
  ]);
});

test('computeTimelineRuns breaks a run at a gap and clamps to the duration', () => {
  const timeline = {
    binSeconds: 2,
    bins: [
      { t: 0, female: true, male: false, unknown: false },
      { t: 2, female: false, male: false, unknown: true },
      { t: 4, female: true, male: false, unknown: false },
    ],
  };
  assert.deepEqual(computeTimelineRuns(timeline, 5), [
    { lane: 'female', start: 0, end: 0.4 },
    { lane: 'female', start: 0.8, end: 1 },
  ]);
  assert.deepEqual(computeTimelineRuns(timeline, 0), []);
});

test('buildTimelineSvg draws women on the top lane and men on the bottom, in their colours', () => {
  const svg = buildTimelineSvg(makeReport().timeline, 10, { width: 200, height: 10 });
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="10"/);
  assert.ok(svg.includes(`<rect x="0" y="0" width="60" height="5" fill="${COLOURS.female}"/>`), svg);
  assert.ok(svg.includes(`<rect x="40" y="5" width="80" height="5" fill="${COLOURS.male}"/>`), svg);
  assert.equal(svg.match(/<rect/g)?.length, 2);
});

test('drawTimeline fills the same rectangles on a canvas', () => {
  const calls: string[] = [];
  const context: Canvas2DLike = {
    fillStyle: '',
    clearRect: (x, y, w, h) => calls.push(`clear ${x} ${y} ${w} ${h}`),
    fillRect(x, y, w, h) {
      calls.push(`${String(this.fillStyle)} ${x} ${y} ${w} ${h}`);
    },
  };
  drawTimeline(context, makeReport().timeline, 10, { width: 100, height: 4 });
  assert.deepEqual(calls, ['clear 0 0 100 4', `${COLOURS.female} 0 0 30 2`, `${COLOURS.male} 20 2 40 2`]);
});
