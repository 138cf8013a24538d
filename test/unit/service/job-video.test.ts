import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { videoSourceOf } from '../../../engine/src/services/job-video.js';

const job = (source: Job['source']): Job => ({ id: 'a'.repeat(20), source } as Job);
const signUpload = (id: string, name: string) => ({ url: `/api/v1/uploads/${id}/${name}?sig=x`, expiresAt: '2030-01-01T00:00:00.000Z' });

test('the player plays YouTube in its embed, a link from where it is, an upload through a signed link', async () => {
  const withUpload = { findUpload: async () => '/data/uploads/x.mp4', signUpload };
  assert.deepEqual(await videoSourceOf(job({ kind: 'youtube', label: 'https://youtu.be/abc', videoId: 'abcdefghijk' }), withUpload), { kind: 'youtube', videoId: 'abcdefghijk' });
  assert.deepEqual(await videoSourceOf(job({ kind: 'url', label: 'https://media.example/v.mp4', videoId: null }), withUpload), { kind: 'url', url: 'https://media.example/v.mp4' });
  const file = await videoSourceOf(job({ kind: 'upload', label: 'clip.mp4', videoId: null }), withUpload);
  assert.equal(file.kind, 'file');
  assert.match(file.kind === 'file' ? file.url : '', /^\/api\/v1\/uploads\/a{20}\/clip\.mp4\?sig=/);
  const gone = await videoSourceOf(job({ kind: 'upload', label: 'clip.mp4', videoId: null }), { findUpload: async () => null, signUpload });
  assert.equal(gone.kind, 'none');
});
