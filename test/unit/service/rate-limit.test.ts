import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from '../../../engine/src/api/rate-limit.js';

test('a caller may burst, is then told how long to wait, and is refilled over time', () => {
  let now = 0;
  const limiter = new RateLimiter(60, 3, () => now); // one a second, bursts of 3
  assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 0]);
  assert.equal(limiter.take('a'), 1);
  assert.equal(limiter.take('b'), 0, 'another caller has its own bucket');
  assert.equal(limiter.isLimited('a'), true);
  assert.equal(limiter.isLimited('b'), false);
  assert.equal(limiter.isLimited('never-seen'), false);
  now += 1000;
  assert.equal(limiter.take('a'), 0);
  assert.equal(limiter.take('a'), 1);
  now += 60_000;
  assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a') > 0], [0, 0, 0, true], 'refilled to the burst, no further');
});
