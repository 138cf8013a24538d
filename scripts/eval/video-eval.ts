/**
 * End-to-end evaluation on the broadcast-like benchmarks: analyse, score clusters against the
 * frame-exact truth, then compute the report twice — with tags a careful person would give
 * (from the truth) and with the suggestions accepted blind — and compare the shares.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, Cluster, Edit } from '../../shared/src/analysis.js';
import { DEFAULT_ANALYZE_OPTIONS } from '../../shared/src/analysis.js';
import { analyzeVideo } from '../../engine/src/services/analysis/analyze-video.js';
import { loadEngineConfig } from '../../engine/src/config/engine.config.js';
import { createEngine } from '../../engine/src/services/engine.js';
import { buildReport } from '../../engine/src/stages/report/build-report.js';
import { matchFaces, scoreClusters, type BenchTruth, type FaceMatch } from './bench-truth.js';
import { printMergeFigures, scoreMerges, type MergeFigures } from './merge-eval.js';
import { countMissedFaces, printMissedFaces, type MissedFaces } from './missed-faces.js';

export interface VideoFigures {
  name: string;
  seconds: number;
  wallSeconds: number;
  realtime: number;
  faces: number;
  falseDetections: number;
  bcubedF: number;
  clustersPerPerson: number;
  people: string;
  sameFrameCollisions: number;
  womenShareTruth: number;
  menShareTruth: number;
  womenErrTagged: number;
  menErrTagged: number;
  womenErrBlind: number;
  menErrBlind: number;
  wrongSuggestionsWomen: string;
  wrongSuggestionsMen: string;
  /** Each cluster whose suggestion disagrees with the truth, described. */
  wrongClusters: string[];
  /** People built from two identities, and "check: may be two people" flags (issue 12). */
  merges: MergeFigures;
  /** Listed faces never detected, by kind (only where the truth gives face boxes). */
  missed: MissedFaces;
}

/** The engine on the settings of the environment, as `onscreen analyze` builds it (one for every video). */
const engine = createEngine(loadEngineConfig(process.env));

export async function analyzeForEval(video: string, fps = DEFAULT_ANALYZE_OPTIONS.fps): Promise<{ analysis: Analysis; wallSeconds: number }> {
  const workDir = await mkdtemp(join(tmpdir(), 'onscreen-eval-'));
  const start = performance.now();
  try {
    const { analysis } = await analyzeVideo(engine, { source: video, options: { ...DEFAULT_ANALYZE_OPTIONS, fps }, workDir });
    return { analysis, wallSeconds: (performance.now() - start) / 1000 };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function evaluateBench(name: string, dir: string): Promise<VideoFigures> {
  const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as BenchTruth;
  const { analysis, wallSeconds } = await analyzeForEval(join(dir, 'bench.mp4'));
  const matches = matchFaces(analysis, truth);
  const score = scoreClusters(analysis, truth, matches);
  const at = new Date().toISOString();
  const truthEdits: Edit[] = [...score.truthTags].map(([cluster, tag]) => ({ kind: 'tag', cluster, tag, by: 'eval', at }));
  const blindEdits: Edit[] = [{ kind: 'accept-suggestions', clusters: analysis.clusters.map((c) => c.id), by: 'eval', at }];
  const tagged = buildReport(analysis, truthEdits, new Date());
  const blind = buildReport(analysis, blindEdits, new Date());
  const women = truth.union.any_woman_visible_s / truth.duration_s;
  const men = truth.union.any_man_visible_s / truth.duration_s;

  const wrongClusters: string[] = [];
  const wrong = (gender: 'female' | 'male') => {
    const own = analysis.clusters.filter((c) => score.truthTags.get(c.id) === gender);
    const bad = own.filter((c) => c.suggestion?.gender !== gender);
    for (const cluster of bad) wrongClusters.push(describeCluster(cluster, analysis, matches));
    return `${bad.length} of ${own.length}`;
  };
  return {
    name,
    seconds: analysis.video.duration,
    wallSeconds,
    realtime: analysis.video.duration / wallSeconds,
    faces: score.faces,
    falseDetections: score.falseDetections,
    bcubedF: score.bcubedF,
    clustersPerPerson: score.clustersPerPerson,
    people: `${score.identitiesFound}/${score.identitiesTotal} found in ${analysis.clusters.length} clusters`,
    sameFrameCollisions: score.sameFrameCollisions,
    womenShareTruth: women,
    menShareTruth: men,
    womenErrTagged: (tagged.screenTime.female.share - women) * 100,
    menErrTagged: (tagged.screenTime.male.share - men) * 100,
    womenErrBlind: (blind.screenTime.female.share - women) * 100,
    menErrBlind: (blind.screenTime.male.share - men) * 100,
    wrongSuggestionsWomen: wrong('female'),
    wrongSuggestionsMen: wrong('male'),
    wrongClusters,
    merges: scoreMerges(analysis, matches),
    missed: countMissedFaces(analysis, truth, matches),
  };
}

/** "bbt_penny (cluster 7, 12 faces, 4.5 s): suggested male at 0.62", to see which people the classifier misjudges. */
function describeCluster(cluster: Cluster, analysis: Analysis, matches: readonly FaceMatch[]): string {
  const counts = new Map<string, number>();
  for (const match of matches) {
    if (analysis.faces[match.face]?.cluster !== cluster.id || !match.identity || match.identity === 'FALSE') continue;
    counts.set(match.identity, (counts.get(match.identity) ?? 0) + 1);
  }
  const identity = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
  const suggestion = cluster.suggestion ? `suggested ${cluster.suggestion.gender} at ${cluster.suggestion.confidence.toFixed(2)}` : 'no suggestion';
  return `${identity} (cluster ${cluster.id}, ${cluster.faces.length} faces, ${cluster.seconds.toFixed(1)} s): ${suggestion}`;
}

export function printVideoFigures(f: VideoFigures): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const pts = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)} pts`;
  console.log(`\n## ${f.name}: ${f.seconds.toFixed(1)} s of video in ${f.wallSeconds.toFixed(1)} s (${f.realtime.toFixed(1)}x realtime)`);
  console.log(`  faces ${f.faces}, false detections ${f.falseDetections}`);
  console.log(`  BCubed F ${f.bcubedF.toFixed(3)}, clusters per person ${f.clustersPerPerson.toFixed(2)}, people ${f.people}`);
  console.log(`  same-frame collisions (one cluster twice in a sample): ${f.sameFrameCollisions}`);
  console.log(`  truth: women ${pct(f.womenShareTruth)}, men ${pct(f.menShareTruth)} of the duration`);
  console.log(`  share error, tags from the truth:   women ${pts(f.womenErrTagged)}, men ${pts(f.menErrTagged)}`);
  console.log(`  share error, suggestions accepted:  women ${pts(f.womenErrBlind)}, men ${pts(f.menErrBlind)}`);
  console.log(`  suggestions wrong: women's clusters ${f.wrongSuggestionsWomen}, men's clusters ${f.wrongSuggestionsMen}`);
  for (const line of f.wrongClusters) console.log(`    ${line}`);
  printMergeFigures(f.merges);
  if (f.missed.listed > 0) printMissedFaces(f.missed);
}
