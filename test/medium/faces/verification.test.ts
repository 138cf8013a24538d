/**
 * Real: the detector, landmark and embedding models on the 141 labelled faces of 41 people. Nothing mocked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFaces } from '../../../engine/src/stages/faces/detect/detector.js';
import type { Candidate } from '../../../engine/src/stages/faces/detect/boxes.js';
import { cosineOf, embedFace } from '../../../engine/src/stages/faces/embedder.js';
import { locateLandmarks } from '../../../engine/src/stages/faces/landmarks.js';
import { estimateFemale } from '../../../engine/src/stages/faces/gender.js';
import { loadPhoto, readLabels, rocAuc, runModel, skipReason } from './fixtures.js';

interface Identity {
  file: string;
  id: string;
  gender: 'F' | 'M';
  pick: 'best' | number;
}

/** The labelled face: the biggest confident one for 'best', else the n-th from the left. */
function pickFace(faces: Candidate[], pick: Identity['pick']): Candidate | undefined {
  if (pick === 'best') return [...faces].sort((a, b) => area(b) * b.score - area(a) * a.score)[0];
  return [...faces].sort((a, b) => a.x1 + a.x2 - (b.x1 + b.x2))[pick];
}
const area = (c: Candidate) => (c.x2 - c.x1) * (c.y2 - c.y1);

test('same-person pairs score higher than different-person pairs; gender from the face', { skip: skipReason }, async () => {
  const identities = readLabels<Identity[]>('identities.json');
  const faces: { id: string; gender: 'F' | 'M'; embedding: Float32Array; female: number }[] = [];
  for (const identity of identities) {
    const frame = await loadPhoto(identity.file);
    const face = pickFace(await detectFaces(frame, runModel, { minFaceSize: 20, scoreThreshold: 0.6, maxRuns: 7 }), identity.pick);
    if (!face) continue;
    const { points } = await locateLandmarks(frame, face, runModel);
    const embedding = await embedFace(frame, points, runModel);
    const [female] = await estimateFemale(frame, [face], runModel);
    faces.push({ id: identity.id, gender: identity.gender, embedding, female: female! });
  }
  const same: number[] = [];
  const different: number[] = [];
  for (let i = 0; i < faces.length; i++) {
    for (let j = i + 1; j < faces.length; j++) {
      (faces[i]!.id === faces[j]!.id ? same : different).push(cosineOf(faces[i]!.embedding, faces[j]!.embedding));
    }
  }
  const auc = rocAuc(same, different);
  const impostors = [...different].sort((a, b) => b - a);
  const threshold = impostors[Math.floor(impostors.length * 0.001)]!;
  const tar = same.filter((s) => s > threshold).length / same.length;
  const women = faces.filter((f) => f.gender === 'F');
  const men = faces.filter((f) => f.gender === 'M');
  const womenRight = women.filter((f) => f.female > 0.5).length;
  const menRight = men.filter((f) => f.female < 0.5).length;
  console.log(
    `verification: ${faces.length}/${identities.length} faces, ${same.length} same / ${different.length} different pairs, ` +
      `ROC AUC ${auc.toFixed(4)}, TAR ${tar.toFixed(3)} at FAR 0.1% (cosine > ${threshold.toFixed(3)}); ` +
      `gender: women ${womenRight}/${women.length}, men ${menRight}/${men.length}`,
  );
  assert.ok(faces.length >= identities.length - 3, `found ${faces.length} of ${identities.length} faces`);
  for (const f of faces) assert.ok(Math.abs(Math.hypot(...f.embedding) - 1) < 1e-4, 'embeddings are L2-normalised');
  assert.ok(auc >= 0.98, `ROC AUC ${auc}`);
  assert.ok(tar >= 0.9, `TAR at FAR 0.1%: ${tar}`);
  assert.ok(womenRight / women.length >= 0.9 && menRight / men.length >= 0.9, 'gender right for 90 % of women and of men');
});
