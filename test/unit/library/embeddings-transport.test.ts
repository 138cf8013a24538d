import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserializeResult, serializeResult } from '../../../engine/src/queue/result-codec.js';
import { decodeTrackEmbeddings } from '../../../engine/src/stages/people/track-embeddings.js';
import { range } from '../report/analysis-fixture.js';
import { makeSignedAnalysis } from './library-fixture.js';

test('face signatures travel with a worker\'s result through Redis (JSON) unchanged', () => {
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 4, clusters: [[{ identity: 1, samples: range(0, 4) }], [{ identity: 2, samples: range(2, 4) }]] });
  const sent = JSON.stringify(serializeResult({ analysis, thumbnails: new Map([['thumbnails/track-0.jpg', Buffer.from('jpeg')]]), embeddings }));
  const received = deserializeResult(sent);
  const before = decodeTrackEmbeddings(embeddings, 'sent');
  const after = decodeTrackEmbeddings(received.embeddings, 'received');
  assert.equal(after.model, before.model);
  assert.equal(after.vectors.length, 2);
  assert.deepEqual([...after.vectors[1]!], [...before.vectors[1]!]);
  assert.equal(received.thumbnails.get('thumbnails/track-0.jpg')?.toString(), 'jpeg');
});

test('a result without signatures (an older worker) still arrives, without them', () => {
  const { analysis } = makeSignedAnalysis({ duration: 2, clusters: [[{ identity: 1, samples: range(0, 2) }]] });
  const received = deserializeResult(JSON.stringify(serializeResult({ analysis, thumbnails: new Map() })));
  assert.equal(received.embeddings, undefined);
  assert.throws(() => decodeTrackEmbeddings({ schemaVersion: 9 }, 'x.json'), /not a face-signature file/);
});
