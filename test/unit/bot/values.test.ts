import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJobRef, decodeMergeRef, decodePersonRef, encodeJobRef, encodeMergeRef, encodePersonRef } from '../../../bot/src/blocks/values.js';

const jobId = '5f0c7a4e-2b1d-4c8e-9a3f-0d6b7e8f9a10';

test('refs survive a round trip through a button value', () => {
  assert.deepEqual(decodePersonRef(encodePersonRef({ jobId, person: 12 })), { jobId, person: 12 });
  assert.deepEqual(decodeMergeRef(encodeMergeRef({ jobId, from: 3, into: 1 })), { jobId, from: 3, into: 1 });
  assert.equal(decodeJobRef(encodeJobRef(jobId)), jobId);
});

test('malformed values are rejected, not guessed at', () => {
  for (const bad of [undefined, '', 'x', `${jobId}|`, `${jobId}|-1`, `${jobId}|1|2`, `../etc|1`, `${jobId}|1.5`]) {
    assert.equal(decodePersonRef(bad), null, String(bad));
  }
  assert.equal(decodeMergeRef(`${jobId}|2|2`), null, 'a person cannot merge into itself');
  assert.equal(decodeMergeRef(`${jobId}|2`), null);
  assert.equal(decodeJobRef('a/b'), null);
});

test('a value longer than Block Kit allows is refused when building', () => {
  assert.throws(() => encodePersonRef({ jobId: 'j'.repeat(300), person: 1 }), RangeError);
});
