/**
 * The Hamilton clip: real event footage with cuts, profiles, small and blurred faces. Analysed at
 * 5 samples/s to meet the labelled frames (`ffmpeg -vf fps=5`, frame k at (k-1)/5 s from the first
 * video frame); each face is matched to the labelled box it overlaps most. Faces within 0.6 s of
 * a cut are not scored: the labelled frames around a cut disagree with the decoded ones by a frame or two.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Box } from '../../shared/src/analysis.js';
import { iou } from '../../engine/src/stages/tracks/geometry.js';
import { bcubed, clustersPerPerson, mixedClusters } from './metrics.js';
import { analyzeForEval } from './video-eval.js';

const WOMEN = new Set(['michelle_obama', 'audience_woman_A', 'audience_woman_B_blurry']);

export async function evaluateHamilton(evalDir: string): Promise<void> {
  const video = join(evalDir, 'video', 'short_hamilton_clip.mp4');
  if (!existsSync(video)) {
    console.log('\n## Hamilton clip: SKIPPED (not found)');
    return;
  }
  const labels = JSON.parse(await readFile(join(evalDir, 'labels', 'short_hamilton_clip.faces.json'), 'utf8')) as { frame: string; box: number[]; label: string }[];
  const { analysis } = await analyzeForEval(video, 5);
  const truth: string[] = [];
  const predicted: number[] = [];
  const nearCut = (t: number) => analysis.sampling.cuts.some((c) => Math.abs(c - t) < 0.6);
  for (const face of analysis.faces) {
    // The labels are drawn on frames 0.2 s apart and a cut's neighbours are ambiguous in them.
    if (face.cluster === null || nearCut(face.t)) continue;
    const frame = `f_${String(Math.round(face.t * 5) + 1).padStart(4, '0')}.png`;
    let best: string | null = null;
    let top = 0.3;
    for (const label of labels.filter((l) => l.frame === frame)) {
      const [x1, y1, x2, y2] = label.box as [number, number, number, number];
      const overlap = iou(face.box, [x1, y1, x2 - x1, y2 - y1] as Box);
      if (overlap > top) {
        top = overlap;
        best = label.label;
      }
    }
    if (best && best !== 'NOT_FACE') {
      truth.push(best);
      predicted.push(face.cluster);
    }
  }
  const people = new Set(truth);
  console.log(`\n## Hamilton clip (${analysis.video.duration.toFixed(1)} s at 5 samples/s): ${analysis.clusters.length} clusters; ${truth.length} faces matched to labels of ${people.size} people`);
  console.log(`  BCubed F ${bcubed(truth, predicted).f.toFixed(3)}, clusters per real person ${clustersPerPerson(truth, predicted).toFixed(2)}, clusters mixing two people ${mixedClusters(truth, predicted)}`);
  let right = { F: 0, M: 0 };
  let total = { F: 0, M: 0 };
  for (const cluster of analysis.clusters) {
    const own = truth.filter((_, i) => predicted[i] === cluster.id);
    if (own.length === 0) continue;
    const person = [...new Set(own)].sort((a, b) => own.filter((x) => x === b).length - own.filter((x) => x === a).length)[0]!;
    const gender = WOMEN.has(person) ? 'F' : 'M';
    total = { ...total, [gender]: total[gender] + 1 };
    if (cluster.suggestion?.gender === (gender === 'F' ? 'female' : 'male')) right = { ...right, [gender]: right[gender] + 1 };
  }
  console.log(`  gender suggestions right: women's clusters ${right.F} of ${total.F}, men's clusters ${right.M} of ${total.M}`);
}
