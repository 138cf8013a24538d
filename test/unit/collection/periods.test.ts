import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDay, periodOf } from '../../../engine/src/stages/collection/periods.js';

test('ISO weeks start on Monday and belong to the year of their Thursday', () => {
  assert.deepEqual(periodOf('2026-01-01', 'week'), { key: '2026-W01', from: '2025-12-29', to: '2026-01-04' });
  assert.deepEqual(periodOf('2024-12-30', 'week'), { key: '2025-W01', from: '2024-12-30', to: '2025-01-05' });
  assert.equal(periodOf('2027-01-01', 'week').key, '2026-W53');
  assert.equal(periodOf('2026-03-15', 'week').key, '2026-W11'); // a Sunday
  assert.equal(periodOf('2026-03-16', 'week').key, '2026-W12'); // the Monday after
});

test('months run from the first to the last day, leap years included', () => {
  assert.deepEqual(periodOf('2028-02-10', 'month'), { key: '2028-02', from: '2028-02-01', to: '2028-02-29' });
  assert.deepEqual(periodOf('2026-12-31', 'month'), { key: '2026-12', from: '2026-12-01', to: '2026-12-31' });
});

test('only real calendar days are days', () => {
  assert.equal(normaliseDay('2026-03-14'), '2026-03-14');
  assert.equal(normaliseDay('2026-03-14T22:10:00Z'), '2026-03-14');
  assert.equal(normaliseDay('2026-02-30'), null);
  assert.equal(normaliseDay('14/03/2026'), null);
  assert.throws(() => periodOf('yesterday', 'month'), RangeError);
});
