/**
 * Deleting a workspace (a newsroom that leaves) leaves no trace of it: through the real HTTP server,
 * SQLite (read byte for byte, WAL included) and the data folder, after a job with faces, voices, face
 * signatures, tags and a name, a people library, a collection and share links. Its tokens stop at
 * once; another workspace's job is untouched. Before, a workspace could not be deleted at all: its
 * data went only job by job, and its tokens, library and rows stayed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis } from '../../unit/library/library-fixture.js';
import { findTraces } from './helpers/traces.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

let s: TestService;
let calls = 0;
const processor: AnalysisProcessor = async () => {
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, clusters: [[{ identity: 1 + calls++, samples: range(0, 6), quality: 0.8 }]] });
  const thumbnails = new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`face of track ${t.id}`)] as const));
  return { analysis, thumbnails, embeddings, voiceSamples: new Map([['voices/v0.m4a', Buffer.from('a voice of the leaving desk')]]) };
};

before(async () => {
  s = await startTestService({ libraryEnabled: true }, { processor });
});
after(() => s.close());

test('an admin deletes another workspace: its tokens stop, and nothing of its jobs, library, collections or links is left', async () => {
  const admin = s.service.tokens.create('ops', { isAdmin: true });
  const adminCall = (path: string) => call(`${s.url}/api/v1/admin/workspaces/${path}`, { token: admin, method: 'DELETE' });
  const leaving = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('desk-token-xq', { workspace: 'leaving-desk' }) });
  const job = await leaving.watchJob((await leaving.uploadJob(new Uint8Array(2048).fill(7), 'confidential-interview.mp4')).id, () => undefined);
  await leaving.tag(job.id, 0, 'female', 'Sam Reporter');
  await leaving.name(job.id, 0, 'Zelda Quux');
  await leaving.addToLibrary(job.id);
  const collection = await leaving.createCollection('Leaving desk series');
  await leaving.addToCollection(collection.id, [job.id]);
  await leaving.createShareLink(job.id);
  await leaving.createCollectionShareLink(collection.id);
  const ours = await s.client.watchJob((await s.client.uploadJob(new Uint8Array(2048).fill(9), 'ours.mp4')).id, () => undefined);
  const needles = [job.id, 'confidential-interview', 'Zelda Quux', 'Sam Reporter', 'Leaving desk series', 'desk-token-xq', 'leaving-desk'];
  assert.ok((await findTraces([s.dataDir], needles)).length > 0, 'the workspace is on disk');

  // Not one's own workspace, not an unknown one, not without an admin token.
  assert.deepEqual([(await adminCall('default')).status, (await adminCall('nowhere')).status], [400, 404]);
  assert.equal((await call(`${s.url}/api/v1/admin/workspaces/leaving-desk`, { token: s.token, method: 'DELETE' })).status, 403);

  const deleted = await new OnscreenClient({ baseUrl: s.url, token: admin }).deleteWorkspace('leaving-desk');
  assert.deepEqual(deleted, { id: 'leaving-desk', jobs: 1, collections: 1, tokens: 1 });
  await assert.rejects(leaving.listJobs(), (error: Error & { code?: string }) => error.code === 'unauthorized', 'its token stopped');
  assert.ok(!existsSync(join(s.dataDir, 'jobs', job.id)), 'the job folder (faces, voices, signatures) is gone');
  assert.deepEqual(await findTraces([s.dataDir], needles), [], 'no file of the data folder (the database byte for byte) names it');
  assert.ok(!((await call(`${s.url}/api/v1/admin/workspaces`, { token: admin })).body.workspaces as Array<{ id: string }>).some((w) => w.id === 'leaving-desk'));
  assert.equal((await s.client.getJob(ours.id)).status, 'tagging', "another workspace's job stays");
});
