/**
 * A result stored while a library person is being removed must not keep their recognition.
 * Real: SQLite (jobs, the library), the jobs' folders, the tagging, library and outcome services as
 * the server wires them. The one thing held back is the moment the result reaches the disk, so that
 * the removal is asked for exactly between recognising and storing.
 * Before: the removal ran at once, cleaned the jobs already stored (not this one, still running), and
 * the result was stored with `known` of a person the library no longer had.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnalysisResult } from '../../../engine/src/contracts/analysis-result.js';
import { JobLibraryService } from '../../../engine/src/services/job-library.service.js';
import { JobNotifier } from '../../../engine/src/services/job-notifier.js';
import { JobOutcomesService } from '../../../engine/src/services/job-outcomes.service.js';
import { TaggingService } from '../../../engine/src/services/tagging.service.js';
import { openDatabase } from '../../../engine/src/storage/database.js';
import { JobFilesStore } from '../../../engine/src/storage/job-files.store.js';
import { JobsRepository, type JobRecord } from '../../../engine/src/storage/jobs.repository.js';
import { LibraryRepository } from '../../../engine/src/storage/library.repository.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis } from '../../unit/library/library-fixture.js';

function result(shot: number): AnalysisResult {
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, clusters: [[{ identity: 1, shot, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, shot, samples: range(6, 4), quality: 0.8 }]] });
  return { analysis, embeddings, thumbnails: new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`face ${t.id}`)] as const)) };
}

function jobRow(id: string, status: JobRecord['status']): JobRecord {
  const at = new Date().toISOString();
  return {
    id, workspaceId: 'default', status, stage: status === 'running' ? 'faces' : 'done', percent: 0, etaSeconds: null, message: '', sourceKind: 'upload', sourceLabel: `${id}.mp4`,
    sourceUrl: null, videoId: null, uploadSha256: null, reuseKey: id, fps: 2, title: null, requester: null, requesterLabel: null, tokenName: 'test',
    errorCode: null, errorMessage: null, errorHint: null, people: null, duration: null, attempts: 0, deliveries: 0, createdAt: at, updatedAt: at,
  };
}

const FIRST = '000000000000000000f1';
const SECOND = '000000000000000000f2';
const THIRD = '000000000000000000f3';

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

test('removing a library person while a result is being stored: the stored result does not keep them', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'onscreen-removal-race-'));
  const files = new JobFilesStore(dataDir);
  await files.init();
  const db = openDatabase(dataDir);
  try {
    const jobs = new JobsRepository(db);
    const notifier = new JobNotifier();
    const tagging = new TaggingService({ jobs, files, notifier });
    const library = new JobLibraryService({
      storeFor: (workspaceId) => new LibraryRepository(db, workspaceId),
      workspaceOf: (jobId) => jobs.workspaceOf(jobId),
      analysedJobsOf: (workspaceId) => jobs.listByStatus(['tagging', 'done']).filter((job) => job.workspaceId === workspaceId).map((job) => job.id),
      tagging,
      files,
    });
    // Ana (p1) is in the library, from a first video a person tagged.
    jobs.insert(jobRow(FIRST, 'tagging'));
    await files.writeResult(FIRST, result(0));
    await library.tag(FIRST, 0, 'female', { by: 'test' });
    assert.deepEqual((await library.addJob('default', FIRST, { by: 'test' })).added.map((p) => p.id), ['p1']);

    // Results reach the disk through a gate; open unless a test step closes it.
    let gate: Promise<void> = Promise.resolve();
    let reached = () => undefined as void;
    const gated = Object.create(files) as JobFilesStore;
    gated.writeResult = async (id, stored) => {
      reached();
      await gate;
      return files.writeResult(id, stored);
    };
    const outcomes = new JobOutcomesService({ jobs, files: gated, notifier, recogniseAndStore: (jobId, delivered, store) => library.recogniseAndStore(jobId, delivered, store) });

    // Unhindered, a result is recognised: Ana in a third video, stored before the removal.
    jobs.insert(jobRow(THIRD, 'running'));
    await outcomes.onCompleted(THIRD, result(5));
    assert.equal((await tagging.state(THIRD)).analysis.clusters[0]?.known?.person, 'p1');

    // A second video's result arrives; its write to disk is held until the removal has been asked for.
    jobs.insert(jobRow(SECOND, 'running'));
    let release = () => undefined as void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const isWriting = new Promise<void>((resolve) => (reached = resolve));
    const completed = outcomes.onCompleted(SECOND, result(3));
    await isWriting;
    const removed = library.remove('default', 'p1');
    await ticks(20); // the removal runs as far as it can
    release();
    await Promise.all([completed, removed]);

    assert.equal(jobs.get(SECOND)?.status, 'tagging');
    const stored = await readFile(join(files.jobDir(SECOND), 'analysis.json'), 'utf8');
    assert.doesNotMatch(stored, /"p1"/, 'the stored analysis names the removed person');
    const { analysis } = await tagging.state(SECOND);
    assert.deepEqual(analysis.clusters.map((c) => c.known ?? null), [null, null]);
    assert.deepEqual(await library.list('default'), []);
    assert.equal((await tagging.state(THIRD)).analysis.clusters[0]?.known ?? null, null, 'the job stored before is cleaned too');
  } finally {
    db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
