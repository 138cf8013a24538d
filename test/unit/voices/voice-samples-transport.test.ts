import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserializeResult, serializeResult } from '../../../engine/src/queue/result-codec.js';
import { makeAnalysis, range } from '../report/analysis-fixture.js';

const analysis = makeAnalysis({ duration: 4, clusters: [[{ samples: range(0, 4), female: 0.9 }]] });

test('voice samples travel with a worker\'s result through Redis (JSON) byte for byte', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, 0x66, 0x74, 0x79, 0x70]);
  const sent = JSON.stringify(serializeResult({ analysis, thumbnails: new Map([['thumbnails/track-0.jpg', Buffer.from('jpeg')]]), voiceSamples: new Map([['voices/v0.m4a', bytes]]) }));
  const received = deserializeResult(sent);
  assert.deepEqual([...received.voiceSamples!.keys()], ['voices/v0.m4a']);
  assert.ok(received.voiceSamples!.get('voices/v0.m4a')!.equals(bytes));
  assert.equal(received.thumbnails.get('thumbnails/track-0.jpg')?.toString(), 'jpeg');
});

test('a result without voice samples (an older worker) arrives without them; a malformed one is refused', () => {
  const received = deserializeResult(JSON.stringify(serializeResult({ analysis, thumbnails: new Map() })));
  assert.equal(received.voiceSamples, undefined);
  assert.throws(() => deserializeResult({ analysis, thumbnails: {}, voiceSamples: 'v0' }), /voice samples in an unknown shape/);
});
