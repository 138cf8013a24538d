/**
 * Real: all four models through the ONNX adapter, on a synthetic 720p frame of 20 real faces 40 px tall.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFaces } from '../../../engine/src/stages/faces/detect/detector.js';
import { createFaceAnalyzer } from '../../../engine/src/stages/faces/face-analyzer.js';
import { cosineOf } from '../../../engine/src/stages/faces/embedder.js';
import { loadPhoto, readLabels, runModel, skipReason } from './fixtures.js';
import { makeCrowdFrame, type PlacedFace } from './crowd-frame.js';

interface Identity {
  file: string;
  id: string;
  pick: 'best' | number;
}

function pickPeople(count: number): { id: string; file: string }[] {
  const seen = new Set<string>();
  const people: { id: string; file: string }[] = [];
  for (const identity of readLabels<Identity[]>('identities.json')) {
    if (identity.pick !== 'best' || seen.has(identity.id)) continue;
    seen.add(identity.id);
    people.push({ id: identity.id, file: identity.file });
  }
  return people.slice(0, count);
}

function matchPlaced(placed: PlacedFace[], box: { x1: number; y1: number; x2: number; y2: number }): number {
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  return placed.findIndex((p) => Math.abs(cx - (p.box[0] + p.box[2] / 2)) < p.box[3] / 2 && Math.abs(cy - (p.box[1] + p.box[3] / 2)) < p.box[3] / 2);
}

test('the tiled detector finds every one of 20 faces 40 px tall in a 720p frame', { skip: skipReason }, async () => {
  const { frame, placed } = await makeCrowdFrame(pickPeople(20), 40);
  assert.equal(placed.length, 20);
  const count = async (maxRuns: number) => {
    const faces = await detectFaces(frame, runModel, { minFaceSize: 20, scoreThreshold: 0.6, maxRuns });
    const hits = new Set(faces.map((f) => matchPlaced(placed, f)).filter((i) => i >= 0));
    return { hits: hits.size, extra: faces.filter((f) => matchPlaced(placed, f) < 0).length, boxes: faces.length };
  };
  const tiled = await count(7);
  const fewerTiles = await count(5);
  const whole = await count(1);
  console.log(`crowd frame, 20 faces of 40 px: tiled (7 runs) ${tiled.hits}/20 (${tiled.extra} extra), 2x2 tiles (5 runs) ${fewerTiles.hits}/20, whole frame only ${whole.hits}/20`);
  assert.equal(tiled.hits, 20);
  assert.equal(tiled.boxes, 20, 'one box per face, no duplicates across tiles');
  assert.ok(whole.hits < tiled.hits, 'the whole-frame view alone loses small faces');
});

test('the analyzer describes small faces well enough to recognise each person', { skip: skipReason }, async () => {
  const people = pickPeople(20);
  const { frame, placed } = await makeCrowdFrame(people, 60);
  const analyzer = createFaceAnalyzer(runModel, { clock: () => performance.now() });
  const faces = await analyzer.analyzeFrame(frame);
  const judged = faces.filter((f) => f.embedding);
  // Reference embeddings from the original photos.
  const references: Float32Array[] = [];
  for (const p of placed) {
    const photo = await loadPhoto(p.file);
    const [face] = (await analyzer.analyzeFrame(photo)).sort((a, b) => b.box[3] - a.box[3]);
    assert.ok(face?.embedding, `reference face of ${p.id}`);
    references.push(face.embedding);
  }
  let recognised = 0;
  for (const face of judged) {
    const index = matchPlaced(placed, { x1: face.box[0], y1: face.box[1], x2: face.box[0] + face.box[2], y2: face.box[1] + face.box[3] });
    const scores = references.map((r) => cosineOf(r, face.embedding!));
    if (index >= 0 && scores.indexOf(Math.max(...scores)) === index) recognised++;
    assert.ok(face.landmarks && face.quality > 0 && face.quality <= 1);
  }
  console.log(`crowd frame, 20 faces of 60 px: ${faces.length} faces, ${judged.length} embedded, ${recognised} recognised among 20; ` +
    `set aside: ${faces.filter((f) => f.setAside).map((f) => f.setAside).join(', ') || 'none'}; timings ${JSON.stringify(analyzer.timings())}`);
  assert.ok(judged.length >= 19, `${judged.length} faces embedded`);
  assert.ok(recognised >= 17, `${recognised} of 20 recognised`);
});
