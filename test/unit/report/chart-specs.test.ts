import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, Tag } from '../../../shared/src/analysis.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { COLOURS } from '../../../shared/src/palette.js';
import { chartSpecs } from '../../../engine/src/stages/report/chart-specs.js';
import { makeAnalysis, range } from './analysis-fixture.js';

// 10 s at 2 samples/s. Woman: samples 0–5 → [0, 2.75]; man: samples 10–17 → [4.75, 8.75]; person 2 untagged.
const analysis = makeAnalysis({
  duration: 10,
  clusters: [[{ samples: range(0, 6), female: 0.9 }], [{ samples: range(10, 8), female: 0.1 }], [{ samples: range(18, 2) }]],
});
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at: '2024-01-01T00:00:00Z' });
const report = buildReport(analysis, [tag(0, 'female'), tag(1, 'male')], new Date('2024-01-02T00:00:00Z'));
const specs = chartSpecs(report);

test('the share chart shows each group’s share of running time in the fixed colours', () => {
  // Women 2.75 / 10 = 27.5 %, men 4 / 10 = 40 %, unknown 0, nobody tagged 10 − 6.75 = 3.25 → 32.5 %.
  assert.deepEqual(specs.share.labels, ['Women', 'Men', 'Unknown', 'Nobody tagged']);
  specs.share.values.forEach((v, i) => assert.ok(Math.abs(v - [27.5, 40, 0, 32.5][i]!) < 1e-9, `bar ${i}: ${v}`));
  assert.deepEqual(specs.share.colours, [COLOURS.female, COLOURS.male, COLOURS.unknown, COLOURS.nobody]);
  assert.deepEqual(specs.share.valueLabels, ['28%', '40%', '0%', '33%']);
  assert.equal(specs.share.title, 'Women were on screen 28% of the time, men 40%');
  assert.match(specs.share.alt, /women 28%, men 40%/);
  assert.match(specs.share.source, /"Fixture"/);
});

test('the timeline merges marked seconds into stretches per lane', () => {
  // Women: samples at 0 … 2.5 s → bins 0–2 → one stretch [0, 3]. Men: 5.0 … 8.5 s → bins 5–8 → [5, 9].
  assert.deepEqual(specs.timeline.lanes.map((l) => [l.label, l.colour, l.segments]), [
    ['Women', COLOURS.female, [[0, 3]]],
    ['Men', COLOURS.male, [[5, 9]]],
  ]);
  assert.equal(specs.timeline.duration, 10);
  assert.equal(specs.timeline.tickStep, 1);
});

test('the persons chart lists people longest first, coloured by tag, untagged in light grey', () => {
  assert.deepEqual(specs.persons.labels, ['Person 1', 'Person 0', 'Person 2']);
  assert.deepEqual(specs.persons.colours, [COLOURS.male, COLOURS.female, COLOURS.untagged]);
  assert.deepEqual(specs.persons.legend.map((l) => l.label), ['Women', 'Men', 'Untagged']);
  assert.equal(specs.persons.tickFormat, 'seconds');
});
