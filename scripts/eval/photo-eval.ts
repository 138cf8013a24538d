/**
 * Evaluation on the labelled photos: detection (faces counted by eye), same-person verification,
 * clustering of the identity photos (each photo's face as a one-face track), and gender accuracy
 * for women and for men separately.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeImageFile as decodeImage } from '../../engine/src/adapters/image-file.adapter.js';
import { TUNING } from '../../engine/src/config/tuning.js';
import { createFaceAnalyzer } from '../../engine/src/services/analysis/face-analyzer.js';
import { loadEngineConfig } from '../../engine/src/config/engine.config.js';
import { createEngine } from '../../engine/src/services/engine.js';
import type { DetectedFace } from '../../engine/src/stages/frames/frame.js';
import { clusterTracks } from '../../engine/src/stages/people/track-clustering.js';
import { cosine } from '../../engine/src/stages/tracks/geometry.js';
import { bcubed, clustersPerPerson, pairwise, rocAuc, tarAtFar } from './metrics.js';

interface IdentityLabel {
  file: string;
  id: string;
  gender: 'F' | 'M';
  pick: 'best' | number;
}

/** The labelled face: the main one (largest judged face) or the n-th from the left. */
function pickFace(faces: readonly DetectedFace[], pick: 'best' | number): DetectedFace | null {
  const usable = faces.filter((f) => f.embedding !== null);
  if (pick === 'best') return [...usable].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0] ?? null;
  return [...faces].sort((a, b) => a.box[0] - b.box[0])[pick] ?? null;
}

export async function evaluatePhotos(evalDir: string): Promise<void> {
  const analyzer = await createFaceAnalyzer(createEngine(loadEngineConfig(process.env)).models, TUNING.faces);
  const photos = join(evalDir, 'photos');

  // Detection: faces found against faces counted by eye.
  const counts = JSON.parse(await readFile(join(evalDir, 'labels', 'detection_counts.json'), 'utf8')) as Record<string, unknown>;
  let expected = 0;
  let found = 0;
  let extra = 0;
  let images = 0;
  for (const [file, count] of Object.entries(counts)) {
    if (typeof count !== 'number') continue;
    const faces = (await analyzer.analyzeFrame(await decodeImage(join(photos, file)))).filter((f) => f.setAside !== 'not-face');
    expected += count;
    found += Math.min(count, faces.length);
    extra += Math.max(0, faces.length - count);
    images++;
  }
  console.log(`\n## Photos: detection on ${images} photos counted by eye`);
  console.log(`  recall ${(found / expected * 100).toFixed(1)}% (${found} of ${expected} faces), false detections at most ${extra} (faces beyond the count)`);

  // Identities: verification, clustering, gender.
  const labels = JSON.parse(await readFile(join(evalDir, 'labels', 'identities.json'), 'utf8')) as IdentityLabel[];
  const picked: { label: IdentityLabel; face: DetectedFace }[] = [];
  for (const label of labels) {
    const face = pickFace(await analyzer.analyzeFrame(await decodeImage(join(photos, label.file))), label.pick);
    if (face?.embedding) picked.push({ label, face });
  }
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let i = 0; i < picked.length; i++) {
    for (let j = i + 1; j < picked.length; j++) {
      const s = cosine(picked[i]!.face.embedding!, picked[j]!.face.embedding!);
      (picked[i]!.label.id === picked[j]!.label.id ? genuine : impostor).push(s);
    }
  }
  const at = tarAtFar(genuine, impostor, 0.001);
  console.log(`\n## Photos: identities (${picked.length} of ${labels.length} faces found, ${new Set(labels.map((l) => l.id)).size} people)`);
  console.log(`  verification: ROC AUC ${rocAuc(genuine, impostor).toFixed(4)}, true matches at 0.1% false matches ${(at.tar * 100).toFixed(1)}% (cosine > ${at.threshold.toFixed(3)}), ${genuine.length} genuine / ${impostor.length} impostor pairs`);

  const truth = picked.map((p) => p.label.id);
  const clusters = clusterTracks(picked.map((p, i) => ({ embedding: p.face.embedding!, samples: [i], weight: 1, quality: p.face.quality })), { ...TUNING.people, threshold: TUNING.people.clusterThreshold });
  // Each photo is its own sample, so no cannot-links: this measures the embedding and threshold alone.
  const pf = pairwise(truth, clusters);
  const bf = bcubed(truth, clusters);
  console.log(`  clustering at threshold ${TUNING.people.clusterThreshold}: pairwise F ${pf.f.toFixed(3)} (P ${pf.precision.toFixed(3)}, R ${pf.recall.toFixed(3)}), BCubed F ${bf.f.toFixed(3)}, clusters per person ${clustersPerPerson(truth, clusters).toFixed(2)}`);

  const judged = (g: 'F' | 'M') => picked.filter((p) => p.label.gender === g && p.face.female !== null);
  const right = (g: 'F' | 'M') => judged(g).filter((p) => (p.face.female! >= 0.5 ? 'F' : 'M') === g).length;
  console.log(`  gender per photo: women ${right('F')} of ${judged('F').length} (${(right('F') / Math.max(1, judged('F').length) * 100).toFixed(1)}%), men ${right('M')} of ${judged('M').length} (${(right('M') / Math.max(1, judged('M').length) * 100).toFixed(1)}%)`);
}
