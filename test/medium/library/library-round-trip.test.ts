// Real: the file system (temp folders), the CLI commands, the library service and store.
// Data: hand-made analyses with synthetic face signatures (test/unit/library/library-fixture.ts).
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Edit } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { analyzeCommand } from '../../../engine/src/cli/commands/analyze.command.js';
import { libraryCommand } from '../../../engine/src/cli/commands/library.command.js';
import { nameCommand } from '../../../engine/src/cli/commands/name.command.js';
import { analysisFolderSource } from '../../../engine/src/cli/library-folder.js';
import { createCliContext } from '../../../engine/src/cli/main.js';
import { LibraryService } from '../../../engine/src/services/library.service.js';
import { applyEdits } from '../../../engine/src/stages/people/edits.js';
import { encodeTrackEmbeddings } from '../../../engine/src/stages/people/track-embeddings.js';
import { appendEdit, readEdits, writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { LIBRARY_FILE, LibraryFolderStore } from '../../../engine/src/storage/library-folder.store.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis, type SignedTrack } from '../../unit/library/library-fixture.js';

/** What `onscreen` hands its commands, on no settings ($ONSCREEN_LIBRARY unset). */
const cli = createCliContext({});

const at = '2024-05-01T10:00:00.000Z';
let root: string;
let libraryDir: string;
let service: LibraryService;

const rejectsWith = (promise: Promise<unknown>, code: string, pattern?: RegExp) =>
  assert.rejects(promise, (error: unknown) => error instanceof OnscreenError && error.code === code && !error.message.includes('\n') && (!pattern || pattern.test(error.message)));
const quietly = async (run: () => Promise<number>): Promise<number> => {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
};
const tag = (cluster: number, value: 'female' | 'male' | 'unknown' | 'not-face', by = 'sam'): Edit => ({ kind: 'tag', cluster, tag: value, by, at });

/** An analysis folder with thumbnails, face signatures and the given edits. */
async function analysisFolder(name: string, clusters: SignedTrack[][], edits: Edit[], createdAt: string): Promise<string> {
  const dir = join(root, name);
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, cuts: [5], clusters, createdAt });
  const thumbnails = new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`jpeg of track ${t.id} in ${name}`)] as const));
  for (const c of analysis.clusters) thumbnails.set(c.thumbnail, Buffer.from(`sheet ${c.id}`));
  await writeAnalysisFolder(dir, { analysis, thumbnails, embeddings });
  for (const edit of edits) await appendEdit(dir, edit);
  return dir;
}

const first = () =>
  analysisFolder('first', [[{ identity: 1, samples: range(0, 4), quality: 0.8 }, { identity: 1, shot: 1, samples: range(12, 4), quality: 0.7 }], [{ identity: 2, samples: range(4, 4), quality: 0.8 }], [{ identity: 3, samples: range(8, 2) }], [{ identity: 4, samples: range(16, 2) }]], [
    tag(0, 'female'), { kind: 'name', cluster: 0, name: 'Ana Lima', by: 'sam', at }, tag(1, 'male'), tag(2, 'not-face'),
    { kind: 'accept-suggestions', clusters: [3], by: 'sam', at },
  ], '2024-05-01T00:00:00.000Z');

/** Every file's bytes in the library folder, joined: to look for a trace of someone. */
async function everything(): Promise<string> {
  const names = await readdir(libraryDir, { recursive: true }).catch(() => [] as string[]);
  const parts = await Promise.all(names.map((n) => readFile(join(libraryDir, n)).then((b) => `${n}\n${b.toString('latin1')}`, () => n)));
  return parts.join('\n');
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'onscreen-library-'));
  libraryDir = join(root, 'library');
  service = new LibraryService({ store: new LibraryFolderStore(libraryDir) });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('add keeps only people a person tagged, with exemplars, a thumbnail and where they were seen', async () => {
  const result = await service.add(await analysisFolderSource(await first()), 'kim');
  assert.deepEqual(result.added.map((p) => [p.id, p.name, p.gender]), [['p1', 'Ana Lima', 'female'], ['p2', null, 'male']]);
  const [ana] = result.added;
  assert.equal(ana?.exemplars, 2, 'one exemplar per shot');
  assert.equal(ana?.seenIn[0]?.source, 'fixture.mp4');
  assert.deepEqual(ana?.seenIn[0]?.clusters, [0]);
  assert.equal(ana?.createdBy, 'kim');
  assert.equal((await readFile(join(libraryDir, 'thumbnails', 'p1.jpg'))).toString(), 'jpeg of track 0 in first');
  assert.deepEqual((await readdir(join(libraryDir, 'thumbnails'))).sort(), ['p1.jpg', 'p2.jpg']);
});

test('round trip: add, recognise in the next video, correct, add again without duplicates, remove, forget leaves no trace', async () => {
  await service.add(await analysisFolderSource(await first()), 'kim');
  // The next video: Ana (another shot) and Rui, and a stranger.
  const next = await analysisFolder('next', [[{ identity: 1, shot: 3, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, shot: 3, samples: range(6, 4), quality: 0.8 }], [{ identity: 9, samples: range(12, 4) }]], [], '2024-06-01T00:00:00.000Z');
  const source = await analysisFolderSource(next);
  const recognised = await service.recognise(source.analysis, source.signatures!);
  assert.deepEqual(recognised.clusters.map((c) => c.known?.person ?? null), ['p1', 'p2', null]);
  // As `analyze --library` would write it; then a person confirms Ana, corrects Rui's tag and names him:
  // adding updates the library instead of duplicating.
  await writeAnalysisFolder(next, { analysis: recognised, thumbnails: new Map(), embeddings: encodeTrackEmbeddings(source.signatures!.model, source.signatures!.vectors) });
  for (const edit of [tag(0, 'female', 'lee'), tag(1, 'unknown', 'lee'), { kind: 'name', cluster: 1, name: 'Rui Costa', by: 'lee', at } as Edit]) await appendEdit(next, edit);
  const second = await service.add(await analysisFolderSource(next), 'lee');
  assert.deepEqual(second.added, []);
  assert.deepEqual(second.updated.map((p) => [p.id, p.name, p.gender, p.seenIn.length]), [['p1', 'Ana Lima', 'female', 2], ['p2', 'Rui Costa', 'unknown', 2]]);
  assert.equal((await service.list()).length, 2);
  // Adding the same analysis again changes no counts.
  await service.add(await analysisFolderSource(next), 'lee');
  assert.deepEqual((await service.list()).map((p) => [p.exemplars, p.seenIn.length]), [[3, 2], [2, 2]]);

  const vectorOfRui = JSON.parse(await readFile(join(libraryDir, LIBRARY_FILE), 'utf8')).people[1].exemplars[0].vector as string;
  await service.remove('Rui Costa');
  assert.equal(existsSync(join(libraryDir, 'thumbnails', 'p2.jpg')), false);
  assert.ok(!(await everything()).includes(vectorOfRui), 'no face signature of a removed person is left');
  assert.deepEqual((await service.list()).map((p) => p.id), ['p1']);

  const vectorOfAna = JSON.parse(await readFile(join(libraryDir, LIBRARY_FILE), 'utf8')).people[0].exemplars[0].vector as string;
  assert.equal(await quietly(() => libraryCommand.run(['forget', '--all', '--library', libraryDir], cli)), 0);
  const left = await everything();
  assert.ok(!left.includes(vectorOfAna) && !left.includes('Ana Lima') && !left.includes('.partial') && !left.includes('.jpg'), 'forget --all leaves no trace');
  assert.deepEqual(await service.list(), []);
});

test('bad input: one line, nothing changed', async () => {
  const dir = await first();
  await service.add(await analysisFolderSource(dir), 'kim');
  const before = await everything();
  // Nobody tagged by a person: suggestions accepted only.
  const untagged = await analysisFolder('untagged', [[{ identity: 5, samples: range(0, 4), female: 0.9 }]], [{ kind: 'accept-suggestions', clusters: [0], by: 'sam', at }], '2024-07-01T00:00:00.000Z');
  await rejectsWith(service.add(await analysisFolderSource(untagged), 'kim'), 'nothing_to_add', /Nobody in this analysis was tagged by a person/);
  await rejectsWith(service.rename('p1', '   ', 'kim'), 'bad_request', /cannot be empty/);
  await rejectsWith(service.rename('p1', 'x'.repeat(500), 'kim'), 'bad_request', /at most 120 characters/);
  await rejectsWith(service.rename('p99', 'Someone', 'kim'), 'library_person_unknown', /no "p99"/);
  await rejectsWith(service.remove('Nobody Known'), 'library_person_unknown');
  assert.equal(await everything(), before);
  // Names in an analysis: empty and 500 characters refused, the history unchanged.
  const history = await readEdits(dir);
  await rejectsWith(nameCommand.run([dir, '0='], cli), 'bad_request', /cannot be empty/);
  await rejectsWith(nameCommand.run([dir, `0=${'y'.repeat(500)}`], cli), 'bad_request', /at most 120/);
  await rejectsWith(nameCommand.run([dir, '42=Ana'], cli), 'cluster_unknown');
  assert.deepEqual(await readEdits(dir), history);
});

test('a library of another format version, a damaged one, or a folder of other files is refused as it is', async () => {
  await mkdir(libraryDir, { recursive: true });
  const file = join(libraryDir, LIBRARY_FILE);
  for (const [content, pattern] of [
    [JSON.stringify({ format: 'onscreen-people-library', version: 2, people: [] }), /format version 2; this onscreen reads version 1/],
    ['{"format": "onscreen-people-lib', /damaged/],
    [JSON.stringify({ format: 'onscreen-people-library', version: 1, model: null, nextId: 2, people: [{ id: 'p1', gender: 'female', name: null }] }), /damaged: person 1/],
  ] as const) {
    await writeFile(file, content);
    await rejectsWith(service.list(), 'library_incompatible', pattern);
    await rejectsWith(service.add(await analysisFolderSource(await first()), 'kim'), 'library_incompatible');
    await rejectsWith(quietly(() => libraryCommand.run(['forget', '--all', '--library', libraryDir], cli)), 'library_incompatible');
    assert.equal(await readFile(file, 'utf8'), content);
  }
  // `analyze --library` refuses a damaged library before minutes of analysis, not after.
  await rejectsWith(analyzeCommand.run([join(root, 'no-such-video.mp4'), '--out', join(root, 'out'), '--library', libraryDir], cli), 'library_incompatible');
  assert.equal(existsSync(join(root, 'out')), false);
  await rm(file);
  await writeFile(join(libraryDir, 'notes.txt'), 'mine');
  await rejectsWith(service.list(), 'library_incompatible', /not a people library/);
});

test('names go into the tagging history and undo takes them back', async () => {
  const dir = await first();
  assert.equal(await quietly(() => nameCommand.run([dir, '1=Rui Costa', '0=Ana L.'], cli)), 0);
  const source = await analysisFolderSource(dir);
  assert.deepEqual(applyEdits(source.analysis, source.edits).slice(0, 2).map((p) => p.name), ['Ana L.', 'Rui Costa']);
  const undone = applyEdits(source.analysis, [...source.edits, { kind: 'undo', by: 'sam', at }]);
  assert.deepEqual(undone.slice(0, 2).map((p) => p.name), ['Ana Lima', 'Rui Costa']);
});
