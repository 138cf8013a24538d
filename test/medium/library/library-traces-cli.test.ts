// Real: the file system (temp folders), the CLI commands (tag, name, library), the library service and store.
// Data: hand-made analyses with synthetic face signatures (test/unit/library/library-fixture.ts).
// A correction made with the CLI in an analysis the library recognised people in reaches the library at
// once; removing a library person or forgetting the library takes its recognitions out of those analyses.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Edit } from '../../../shared/src/analysis.js';
import type { Report } from '../../../shared/src/report.js';
import type { Command } from '../../../engine/src/cli/command.js';
import { libraryCommand } from '../../../engine/src/cli/commands/library.command.js';
import { nameCommand } from '../../../engine/src/cli/commands/name.command.js';
import { tagCommand } from '../../../engine/src/cli/commands/tag.command.js';
import { analysisFolderSource, rememberLibraryAnalysis } from '../../../engine/src/cli/library-folder.js';
import { createCliContext } from '../../../engine/src/cli/main.js';
import { writeFolderReport } from '../../../engine/src/services/analysis-folder.service.js';
import { LibraryService } from '../../../engine/src/services/library.service.js';
import { applyEdits } from '../../../engine/src/stages/people/edits.js';
import { encodeTrackEmbeddings } from '../../../engine/src/stages/people/track-embeddings.js';
import { appendEdit, readAnalysis, readEdits, writeAnalysisFolder } from '../../../engine/src/storage/analysis-folder.js';
import { LibraryFolderStore } from '../../../engine/src/storage/library-folder.store.js';
import { range } from '../../unit/report/analysis-fixture.js';
import { makeSignedAnalysis, type SignedTrack } from '../../unit/library/library-fixture.js';

const at = '2024-05-01T10:00:00.000Z';
let root: string;
let libraryDir: string;
let library: LibraryService;

/** Runs a command; returns its exit code and what it printed. */
async function run(command: Command, args: string[]): Promise<{ code: number; out: string }> {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    // What `onscreen` hands its commands, on no settings ($ONSCREEN_LIBRARY unset).
    return { code: await command.run(args, createCliContext({})), out };
  } finally {
    process.stdout.write = write;
  }
}

async function analysisFolder(name: string, clusters: SignedTrack[][], edits: Edit[], createdAt: string): Promise<string> {
  const dir = join(root, name);
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, cuts: [5], clusters, createdAt });
  const thumbnails = new Map(analysis.tracks.map((t) => [t.thumbnail, Buffer.from(`jpeg of track ${t.id} in ${name}`)] as const));
  await writeAnalysisFolder(dir, { analysis, thumbnails, embeddings });
  for (const edit of edits) await appendEdit(dir, edit);
  return dir;
}

/** A folder analysed with the library, as `analyze --library` writes it (and remembers it, when it recognised someone). */
async function recognisedFolder(name: string, createdAt: string, remember: boolean): Promise<string> {
  const dir = await analysisFolder(name, [[{ identity: 1, shot: 3, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, shot: 3, samples: range(6, 4), quality: 0.8 }]], [], createdAt);
  const source = await analysisFolderSource(dir);
  const recognised = await library.recognise(source.analysis, source.signatures!);
  await writeAnalysisFolder(dir, { analysis: recognised, thumbnails: new Map(), embeddings: encodeTrackEmbeddings(source.signatures!.model, source.signatures!.vectors) });
  if (remember) await rememberLibraryAnalysis(libraryDir, dir);
  return dir;
}

const people = async (dir: string) => applyEdits(await readAnalysis(dir), await readEdits(dir));
const person = async (id: string) => (await library.list()).find((p) => p.id === id);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'onscreen-library-traces-'));
  libraryDir = join(root, 'library');
  library = new LibraryService({ store: new LibraryFolderStore(libraryDir) });
  const first = await analysisFolder('first', [[{ identity: 1, samples: range(0, 4), quality: 0.8 }], [{ identity: 2, samples: range(6, 4), quality: 0.8 }]], [
    { kind: 'tag', cluster: 0, tag: 'female', by: 'sam', at }, { kind: 'name', cluster: 0, name: 'Ana Lima', by: 'sam', at },
    { kind: 'tag', cluster: 1, tag: 'male', by: 'sam', at },
  ], '2024-05-01T00:00:00.000Z');
  assert.equal((await run(libraryCommand, ['add', first, '--library', libraryDir])).code, 0);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('tag, name and "not them" with the CLI reach the library at once, only from analyses it recognised people in', async () => {
  const next = await recognisedFolder('next', '2024-06-01T00:00:00.000Z', true);
  assert.deepEqual((await people(next)).map((p) => p.known?.person), ['p1', 'p2']);

  const tagged = await run(tagCommand, [next, '1=unknown', '--library', libraryDir]);
  assert.match(tagged.out, /People library: library person p2 is now tagged unknown\./);
  assert.equal((await person('p2'))?.gender, 'unknown');
  const named = await run(nameCommand, [next, '0=Ana Lima-Costa', '--library', libraryDir]);
  assert.match(named.out, /library person p1 is now named "Ana Lima-Costa"/);
  assert.equal((await person('p1'))?.name, 'Ana Lima-Costa');

  // Rui, added from this analysis too, then "not them": the face signatures it gave him leave the library.
  await run(libraryCommand, ['add', next, '--library', libraryDir]);
  assert.deepEqual([(await person('p2'))?.exemplars, (await person('p2'))?.seenIn.length], [2, 2]);
  const rejected = await run(nameCommand, [next, '1', '--not-them', '--library', libraryDir]);
  assert.match(rejected.out, /p2 lost the 1 face signature taken from this person/);
  assert.deepEqual([(await person('p2'))?.exemplars, (await person('p2'))?.seenIn.length], [1, 1]);

  // An analysis this library did not recognise anyone in (analysed with another library) never changes it.
  const elsewhere = await recognisedFolder('elsewhere', '2024-07-01T00:00:00.000Z', false);
  const refused = await run(tagCommand, [elsewhere, '0=male', '--library', libraryDir]);
  assert.match(refused.out, /did not recognise anyone in .*elsewhere, so it was not updated/);
  assert.equal((await person('p1'))?.gender, 'female');
});

test('library remove and forget --all take the recognitions out of the analyses, with tags only the library gave', async () => {
  const next = await recognisedFolder('next', '2024-06-01T00:00:00.000Z', true);
  await run(tagCommand, [next, '1=male', '--library', libraryDir]);
  await writeFolderReport(next);
  const before = JSON.parse(await readFile(join(next, 'report.json'), 'utf8')) as Report;
  assert.equal(before.people.female, 1, 'the library tagged Ana');

  const removed = await run(libraryCommand, ['remove', 'p1', '--library', libraryDir]);
  assert.match(removed.out, /Also taken out of 1 analysis .*\n .*next: person 0/);
  const analysisText = await readFile(join(next, 'analysis.json'), 'utf8');
  assert.doesNotMatch(analysisText, /"person":"p1"|Ana Lima/);
  const [ana, rui] = await people(next);
  assert.deepEqual([ana?.known, ana?.tag, ana?.name], [null, null, null], 'the library\'s tag and name went with it');
  assert.deepEqual([rui?.known?.person, rui?.tag, rui?.tagOrigin], ['p2', 'male', 'person']);
  const after = JSON.parse(await readFile(join(next, 'report.json'), 'utf8')) as Report;
  assert.equal(after.people.female, 0, 'the report written there was written again');

  const forgot = await run(libraryCommand, ['forget', '--all', '--library', libraryDir]);
  assert.match(forgot.out, /next: person 1/);
  assert.doesNotMatch(await readFile(join(next, 'analysis.json'), 'utf8'), /"known":\{/);
  assert.deepEqual((await people(next)).map((p) => [p.known, p.tag]), [[null, null], [null, 'male']], 'a tag a person gave stays');
  assert.deepEqual(JSON.parse(await readFile(join(libraryDir, 'analyses.json'), 'utf8')).folders, []);
});

test('a damaged library never loses the edit: it is recorded, and one line says the library could not follow', async () => {
  const next = await recognisedFolder('next', '2024-06-01T00:00:00.000Z', true);
  const file = join(libraryDir, 'library.json');
  const good = await readFile(file, 'utf8');
  await writeFile(file, good.slice(0, 40));
  const tagged = await run(tagCommand, [next, '0=male', '--library', libraryDir]);
  assert.equal(tagged.code, 0);
  assert.match(tagged.out, /Person 0: male\.\nThe edit is recorded here, but the people library could not follow: The people library at .* is damaged/);
  assert.equal((await people(next))[0]?.tag, 'male');
  assert.equal(await readFile(file, 'utf8'), good.slice(0, 40), 'the damaged library is left as it is');
});
