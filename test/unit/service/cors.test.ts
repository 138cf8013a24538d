import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorsPolicy } from '../../../engine/src/api/cors.js';

test('only configured origins are allowed', () => {
  const policy = new CorsPolicy(['https://newsroom.example', 'chrome-extension://abcdefghijklmnop']);
  assert.equal(policy.isAllowed('https://newsroom.example'), true);
  assert.equal(policy.isAllowed('https://NEWSROOM.example'), true);
  assert.equal(policy.isAllowed('chrome-extension://abcdefghijklmnop'), true);
  assert.equal(policy.isAllowed('chrome-extension://otherextension'), false);
  assert.equal(policy.isAllowed('https://evil.example'), false);
  assert.equal(policy.isAllowed('http://newsroom.example'), false);
  assert.equal(new CorsPolicy([]).isAllowed('https://newsroom.example'), false);
});

test('a scheme wildcard allows any origin of that scheme, only when configured', () => {
  const policy = new CorsPolicy(['chrome-extension://*']);
  assert.equal(policy.isAllowed('chrome-extension://abcdefghijklmnop'), true);
  assert.equal(policy.isAllowed('chrome-extension://'), false);
  assert.equal(policy.isAllowed('https://abcdefghijklmnop'), false);
});
