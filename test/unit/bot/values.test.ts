import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJobRef, decodeMergeRef, decodePersonRef, decodeSpeakerRef, encodeJobRef, encodeMergeRef, encodePersonRef, encodeSpeakerRef } from '../../../bot/src/blocks/values.js';

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

test('a speaker ref carries its span and a person or off screen, and nothing else', () => {
  assert.deepEqual(decodeSpeakerRef(encodeSpeakerRef({ jobId, start: 6.25, end: 8, person: 3 })), { jobId, start: 6.25, end: 8, person: 3 });
  assert.deepEqual(decodeSpeakerRef(encodeSpeakerRef({ jobId, start: 0, end: 0.5, person: null })), { jobId, start: 0, end: 0.5, person: null });
  for (const bad of [`${jobId}|8|6|1`, `${jobId}|6|6|1`, `${jobId}|-1|6|1`, `${jobId}|6|8|me`, `${jobId}|6|8`, `${jobId}|6|8|1|2`, `${jobId}|1e3|2e3|1`]) {
    assert.equal(decodeSpeakerRef(bad), null, bad);
  }
});
