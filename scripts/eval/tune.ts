/**
 * Tuning aid for the tracks and people stages: runs the faces stage once per benchmark video and
 * caches what it found, then scores the tracker and clustering over a grid of settings in seconds.
 *
 *   npx tsx scripts/eval/tune.ts [bench|bench2 ...] [--threshold 0.35,0.4] [--penalty 0.4] [--weak 0,0.1] [--few 0,0.1]
 *     [--fewFaces 8,12] [--doubt 0.35] [--margin 0.05] [--details]
 *     [--all [--topk 0,4,8] [--stride 0,2] [--fresh 16] [--best 4,8]]
 * The cache lives in $TMPDIR/onscreen-tune-<name>.json (delete it after changing the faces stage or its policies).
 * With --all the faces stage embeds every face (cache onscreen-tune-<name>-all.json) and the embedding
 * policy (tracks/embedding-policy.ts) is replayed on it with each --topk, --stride and --fresh, keeping
 * only the embeddings (and gender estimates) the policy would have made.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Analysis } from '../../shared/src/analysis.js';
import { CropStore } from '../../engine/src/adapters/crop-store.adapter.js';
import { loadEngineConfig } from '../../engine/src/config/engine.config.js';
import { createEngine } from '../../engine/src/services/engine.js';
import { findFacesInVideo } from '../../engine/src/services/analysis/find-faces-in-video.js';
import { CROP_SIZE } from '../../engine/src/stages/people/face-crop.js';
import { TUNING } from '../../engine/src/config/tuning.js';
import { createFaceAnalyzer } from '../../engine/src/services/analysis/face-analyzer.js';
import type { DetectedFace } from '../../engine/src/stages/frames/frame.js';
import { buildPeople, type PeopleOptions } from '../../engine/src/stages/people/build-people.js';
import { assignShots, linkFacesIntoTracks } from '../../engine/src/stages/tracks/face-tracker.js';
import { DEFAULT_EMBEDDING_POLICY, planEmbedding, type EmbeddingPolicyOptions, type FaceChain } from '../../engine/src/stages/tracks/embedding-policy.js';
import { greyThumbnail } from '../../engine/src/stages/faces/detect/tile-policy.js';
import { meanAbsDifference } from '../../engine/src/stages/frames/cut-detector.js';
import { matchFaces, scoreClusters, type BenchTruth } from './bench-truth.js';
import { printMergeFigures, scoreMerges } from './merge-eval.js';

/** The engine on the settings of the environment, as `onscreen analyze` builds it. */
const engine = createEngine(loadEngineConfig(process.env));

interface Cached {
  times: number[];
  /** Picture change from the previous sample (with --all). */
  changes?: (number | null)[];
  cuts: number[];
  faces: (Omit<DetectedFace, 'embedding' | 'landmarks'> & { embedding: number[] | null })[];
}

const EVAL = new URL('../../../shared/eval', import.meta.url).pathname;

async function detect(name: string, all = false): Promise<{ times: number[]; cuts: number[]; faces: DetectedFace[]; changes: (number | null)[] }> {
  const cache = join(tmpdir(), `onscreen-tune-${name}${all ? '-all' : ''}.json`);
  if (!existsSync(cache)) {
    // The pipeline's own frames+faces loop, so the cached faces are exactly what `analyze` sees.
    const video = join(EVAL, name, 'dev', 'bench.mp4');
    const probe = await engine.ffmpeg.probeVideo(video);
    const workDir = await mkdtemp(join(tmpdir(), 'onscreen-tune-'));
    const crops = new CropStore(workDir, CROP_SIZE);
    try {
      const analyzer = await createFaceAnalyzer(engine.models, TUNING.faces);
      const changes: (number | null)[] = [];
      if (all) {
        TUNING.embedding = { ...TUNING.embedding, everySeconds: 0 };
        let previous: Uint8Array | null = null;
        const locateFaces = analyzer.locateFaces.bind(analyzer);
        analyzer.locateFaces = (frame, options) => {
          const thumbnail = greyThumbnail(frame.data, frame.width, frame.height, TUNING.tiles.thumbnailWidth, TUNING.tiles.thumbnailHeight);
          changes.push(previous ? meanAbsDifference(previous, thumbnail) : null);
          previous = thumbnail;
          return locateFaces(frame, options);
        };
      }
      const found = await findFacesInVideo(engine.ffmpeg, video, { ...probe, duration: probe.duration ?? 0 }, 2, analyzer, crops, () => undefined);
      const out: Cached = { times: found.sampleTimes, changes, cuts: found.cuts, faces: found.detected.map((f) => ({ ...f, embedding: f.embedding ? [...f.embedding] : null })) };
      await writeFile(cache, JSON.stringify(out));
    } finally {
      crops.close();
      await rm(workDir, { recursive: true, force: true });
    }
  }
  const cached = JSON.parse(await readFile(cache, 'utf8')) as Cached;
  const faces = cached.faces.map((f) => ({ ...f, landmarks: null, embedding: f.embedding ? Float32Array.from(f.embedding) : null }));
  return { times: cached.times, cuts: cached.cuts, faces, changes: cached.changes ?? [] };
}

/** The faces with only the embeddings (and gender estimates) that the policy would have made. */
function replayPolicy(faces: readonly DetectedFace[], changes: readonly (number | null)[], policy: EmbeddingPolicyOptions): DetectedFace[] {
  const out: DetectedFace[] = [];
  let chains: FaceChain[] = [];
  for (let i = 0; i < faces.length; ) {
    const sample = faces[i]!.sample;
    const group: DetectedFace[] = [];
    while (i < faces.length && faces[i]!.sample === sample) group.push(faces[i++]!);
    const kept = group.filter((f) => !f.setAside);
    const next: FaceChain[] = [];
    for (const face of group) {
      if (face.setAside) {
        out.push(face);
        continue;
      }
      const plan = planEmbedding(face, chains, policy, { boxes: kept.map((f) => f.box), change: changes[sample] ?? null });
      next.push(plan.chain);
      out.push(plan.embed ? face : { ...face, embedding: null, female: null });
    }
    chains = next;
  }
  return out;
}

/** Tracks whose `k` best faces (by quality) are not all embedded: the policy changed their look. */
function tracksMissingTop(faces: readonly DetectedFace[], tracks: readonly number[][], k: number): number {
  return tracks.filter((t) => [...t].sort((a, b) => faces[b]!.quality - faces[a]!.quality).slice(0, k).some((f) => faces[f]!.embedding === null)).length;
}

function asAnalysis(truth: BenchTruth, people: ReturnType<typeof buildPeople>): Analysis {
  return { faces: people.faces, clusters: people.clusters, tracks: people.tracks, video: { duration: truth.duration_s } } as unknown as Analysis;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean' }, topk: { type: 'string' }, stride: { type: 'string' }, fresh: { type: 'string' }, best: { type: 'string' }, threshold: { type: 'string' }, penalty: { type: 'string' }, weak: { type: 'string' }, few: { type: 'string' }, fewFaces: { type: 'string' }, doubt: { type: 'string' }, margin: { type: 'string' }, details: { type: 'boolean' } },
  });
  const list = (value: string | undefined, fallback: number) => (value ?? String(fallback)).split(',').map(Number);
  const penalties = list(values.penalty, TUNING.people.lowQualityPenalty);
  const thresholds = list(values.threshold, TUNING.people.clusterThreshold);
  const weakMargins = list(values.weak, TUNING.people.weakMargin);
  const fewMargins = list(values.few, TUNING.people.fewFacesMargin);
  const doubts = list(values.doubt, TUNING.people.doubtSimilarity);
  const fewCounts = list(values.fewFaces, TUNING.people.fewFaces);
  const doubtMargins = list(values.margin, TUNING.people.doubtMargin);
  for (const name of positionals.length > 0 ? positionals : ['bench', 'bench2']) {
    const truth = JSON.parse(await readFile(join(EVAL, name, 'dev', 'truth.json'), 'utf8')) as BenchTruth;
    const cached = await detect(name, values.all);
    const { times, cuts } = cached;
    const policies = values.all
      ? list(values.topk, 0).flatMap((topK) => list(values.stride, 0).flatMap((stride) => list(values.fresh, Infinity).map((freshChange) => ({ ...DEFAULT_EMBEDDING_POLICY, topK, stride, freshChange }))))
      : [null];
    for (const policy of policies) for (const best of list(values.best, TUNING.people.bestFacesPerTrack)) {
    const faces = policy ? replayPolicy(cached.faces, cached.changes, policy) : cached.faces;
    const tracking = linkFacesIntoTracks(faces, assignShots(times, cuts), TUNING.tracker);
    const embedded = faces.filter((f) => f.embedding !== null).length;
    const described = policy ? `policy topK ${policy.topK} stride ${policy.stride} fresh ${policy.freshChange}, best ${best}: ` : '';
    console.log(
      `\n${name}: ${described}${faces.length} faces, ${embedded} embedded, ${faces.filter((f) => f.female !== null).length} gender runs, ${tracking.tracks.length} tracks ` +
        `(${tracksMissingTop(faces, tracking.tracks, best)} missing one of their ${best} best; their ${best} best alone: ${tracking.tracks.reduce((n, t) => n + Math.min(t.length, best), 0)}), ${cuts.length} cuts`,
    );
    const grid = thresholds.flatMap((threshold) => penalties.flatMap((penalty) => weakMargins.flatMap((weakMargin) =>
      fewMargins.flatMap((fewFacesMargin) => fewCounts.flatMap((fewFaces) => doubts.flatMap((doubtSimilarity) => doubtMargins.map((doubtMargin) => ({ clusterThreshold: threshold, lowQualityPenalty: penalty, weakMargin, fewFacesMargin, fewFaces, doubtSimilarity, doubtMargin }))))))));
    for (const setting of grid) {
      const options: PeopleOptions = { ...TUNING.people, ...setting, bestFacesPerTrack: best };
      const people = buildPeople(faces, tracking, options);
      const analysis = asAnalysis(truth, people);
      const matches = matchFaces(analysis, truth);
      const score = scoreClusters(analysis, truth, matches);
      const merges = scoreMerges(analysis, matches);
      const wrong = (g: 'female' | 'male') => {
        const own = people.clusters.filter((c) => score.truthTags.get(c.id) === g);
        return `${own.filter((c) => c.suggestion?.gender !== g).length}/${own.length}`;
      };
      const { clusterThreshold: t, lowQualityPenalty: p, weakMargin: w, fewFacesMargin: f, fewFaces: n, doubtSimilarity: d, doubtMargin: m } = options;
      console.log(
        `  threshold ${t.toFixed(2)} penalty ${p.toFixed(2)} weak +${w.toFixed(2)} few +${f.toFixed(2)} under ${n} faces, doubt ${d.toFixed(2)} or +${m.toFixed(2)}: BCubed F ${score.bcubedF.toFixed(3)}, ` +
          `clusters/person ${score.clustersPerPerson.toFixed(2)}, ${people.clusters.length} clusters, collisions ${score.sameFrameCollisions}, ` +
          `wrong suggestions F ${wrong('female')} M ${wrong('male')}, mixed ${merges.mixed} (${merges.mixedFlagged} flagged), false flags ${merges.falseFlags}`,
      );
      if (values.details) printMergeFigures(merges);
    }
    }
  }
}

await main();
