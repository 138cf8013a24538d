/**
 * The cross-video evaluation (issue 9): cut bench2/dev into two episodes at a shot cut, tag and
 * name episode A's people from the truth, add them to a people library, analyse B with it, and count
 * recognitions: right, wrong, remembered people missed, new people wrongly recognised. The same is
 * done the other way round (a library from B, recognising A) for more evidence on wrong recognitions.
 * Then both episodes, tagged from the truth, make a collection whose shares are compared with the truth.
 *
 * `--cache DIR` keeps the episodes and their analysis folders there and reuses them (delete it after
 * changing the analysis); without it everything goes to a temporary folder that is removed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { Analysis } from '../../shared/src/analysis.js';
import { DEFAULT_ANALYZE_OPTIONS } from '../../shared/src/analysis.js';
import { loadEngineConfig } from '../../engine/src/config/engine.config.js';
import { createEngine } from '../../engine/src/services/engine.js';
import { analyzeVideo } from '../../engine/src/services/analysis/analyze-video.js';
import { LibraryService } from '../../engine/src/services/library.service.js';
import { DEFAULT_RECOGNITION_OPTIONS } from '../../engine/src/stages/library/recognise.js';
import { recogniseAnalysis } from '../../engine/src/stages/library/recognise-analysis.js';
import { similarity } from '../../engine/src/stages/library/recognise.js';
import type { LibraryState } from '../../engine/src/stages/library/library-person.js';
import { trackSignatures } from '../../engine/src/stages/library/track-signatures.js';
import { readAnalysis, readThumbnail, readTrackEmbeddings, writeAnalysisFolder } from '../../engine/src/storage/analysis-folder.js';
import { LibraryFolderStore } from '../../engine/src/storage/library-folder.store.js';
import { matchFaces, scoreClusters, type BenchTruth } from './bench-truth.js';
import { printCollection } from './cross-video-collection.js';
import { clusterIdentities, scoreRecognition, truthEdits, type CrossVideoScore } from './cross-video-score.js';

/** The engine on the settings of the environment, as `onscreen analyze` builds it. */
const engine = createEngine(loadEngineConfig(process.env));

const CUT_FRAME = 2493;

interface Episode {
  analysis: Analysis;
  signatures: { model: string; vectors: Float32Array[] };
  identities: Map<number, string>;
  dir: string;
  truth: BenchTruth;
}

export async function evaluateCrossVideo(evalDir: string, cache?: string): Promise<void> {
  console.log(`\n## cross-video: bench2/dev cut at frame ${CUT_FRAME} into episodes A and B`);
  const root = cache ?? (await mkdtemp(join(tmpdir(), 'onscreen-eval-episodes-')));
  try {
    await splitEpisodes(evalDir, root);
    const a = await loadEpisode(root, 'A');
    const b = await loadEpisode(root, 'B');
    const bRecognised = await printDirection(root, a, b);
    await printDirection(root, b, a);
    await printCollection(join(root, 'collection'), [
      { analysis: a.analysis, truth: a.truth, date: '2026-11-02' },
      { analysis: bRecognised, truth: b.truth, date: '2026-11-09' },
    ]);
  } finally {
    if (!cache) await rm(root, { recursive: true, force: true });
  }
}

/** Prints how recognition did from one episode's library in the other; returns the other as recognised. */
async function printDirection(root: string, from: Episode, to: Episode): Promise<Analysis> {
  const label = `${from.truth.label ?? '?'} → ${to.truth.label ?? '?'}`;
  const libraryDir = await mkdtemp(join(root, 'library-'));
  try {
    const store = new LibraryFolderStore(libraryDir);
    const library = new LibraryService({ store });
    const tags = scoreClusters(from.analysis, from.truth, matchFaces(from.analysis, from.truth)).truthTags;
    const edits = truthEdits(from.identities, tags);
    const added = await library.add({ key: from.dir, analysis: from.analysis, edits, signatures: from.signatures, readThumbnail: (p) => readThumbnail(from.dir, p).catch(() => null) }, 'eval');
    const names = new Set(edits.flatMap((e) => (e.kind === 'name' ? [e.name] : [])));
    const recognised = await library.recognise(to.analysis, to.signatures);
    const score = scoreRecognition(recognised, to.identities, names);
    console.log(`\n### ${label}: library of ${added.added.length} people (${names.size} named) from ${from.analysis.clusters.length} clusters; ${score.clustersFound} clusters found in the other episode`);
    printScore(score, DEFAULT_RECOGNITION_OPTIONS.threshold);
    const state = await store.load();
    printSeparation(to, state);
    console.log('  threshold sweep (right / wrong of remembered clusters, new people wrongly recognised):');
    for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
      const s = scoreRecognition(recogniseAnalysis(to.analysis, to.signatures, state, { ...DEFAULT_RECOGNITION_OPTIONS, threshold }), to.identities, names);
      console.log(`    ${threshold.toFixed(2)}: right ${s.right}/${s.remembered}, wrong ${s.wrongRemembered}, new wrongly ${s.wrongNew}/${s.newPeople}, other ${s.other.length}`);
    }
    return recognised;
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
}

/** How far apart the right and the closest wrong library person are: the margin the threshold sits in. */
function printSeparation(to: Episode, state: LibraryState): void {
  let impostor = { similarity: -1, what: '' };
  const genuine: number[] = [];
  for (const cluster of to.analysis.clusters) {
    const identity = to.identities.get(cluster.id);
    const signatures = trackSignatures(to.analysis, to.signatures.vectors, cluster.tracks);
    for (const person of state.people) {
      const s = similarity(signatures, person, DEFAULT_RECOGNITION_OPTIONS);
      if (person.name !== null && person.name === identity) genuine.push(s);
      else if (s > impostor.similarity) impostor = { similarity: s, what: `cluster ${cluster.id} (${identity}) vs ${person.name ?? person.id}` };
    }
  }
  genuine.sort((x, y) => x - y);
  console.log(`  similarity to the right library person, lowest: ${genuine.slice(0, 4).map((x) => x.toFixed(3)).join(', ')}; to a wrong one, highest: ${impostor.similarity.toFixed(3)} (${impostor.what})`);
}

function printScore(s: CrossVideoScore, threshold: number): void {
  const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : 'n/a');
  const wrong = s.wrongRemembered + s.wrongNew;
  console.log(`  threshold ${threshold}: recognised right ${s.right} of ${s.remembered} clusters of remembered people (${pct(s.right, s.remembered)}; target ≥ 90%)`);
  console.log(`  recognised wrong ${wrong} (remembered as someone else ${s.wrongRemembered}, new people wrongly recognised ${s.wrongNew} of ${s.newPeople}); ${pct(wrong, s.clustersFound)} of clusters found (target: none; < 0.5%)`);
  console.log(`  remembered people not recognised: ${s.missed} clusters`);
  if (s.other.length > 0) console.log(`  clusters of uncounted (U) people or non-faces recognised: ${s.other.join('; ')}`);
  for (const line of s.wrong) console.log(`    wrong: ${line}`);
}

async function splitEpisodes(evalDir: string, root: string): Promise<void> {
  if (existsSync(join(root, 'episodes', 'B.mp4')) && existsSync(join(root, 'episodes', 'truth_B.json'))) return;
  // The script calls `ffmpeg` from PATH: give it the one onscreen uses.
  const bin = join(root, 'bin');
  await mkdir(bin, { recursive: true });
  await symlink((await engine.ffmpeg.binaries()).ffmpeg, join(bin, 'ffmpeg')).catch(() => undefined);
  const script = join(evalDir, 'bench2', 'split_episodes.py');
  const dev = join(evalDir, 'bench2', 'dev');
  await promisify(execFile)('python3', [script, join(dev, 'bench.mp4'), join(dev, 'truth.json'), String(CUT_FRAME), join(root, 'episodes')], {
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
}

async function loadEpisode(root: string, name: 'A' | 'B'): Promise<Episode> {
  const dir = join(root, `analysis-${name}`);
  if (!existsSync(join(dir, 'analysis.json')) || !existsSync(join(dir, 'embeddings.json'))) {
    const workDir = await mkdtemp(join(tmpdir(), 'onscreen-eval-'));
    try {
      await writeAnalysisFolder(dir, await analyzeVideo(engine, { source: join(root, 'episodes', `${name}.mp4`), options: DEFAULT_ANALYZE_OPTIONS, workDir }));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  const analysis = await readAnalysis(dir);
  const signatures = (await readTrackEmbeddings(dir))!;
  const truth = JSON.parse(await readFile(join(root, 'episodes', `truth_${name}.json`), 'utf8')) as BenchTruth & { label?: string };
  truth.label = `episode ${name}`;
  return { analysis, signatures, identities: clusterIdentities(analysis, matchFaces(analysis, truth)), dir, truth };
}
