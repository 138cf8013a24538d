/**
 * Real: the whole faces stage (four models through the ONNX adapter) on labelled group photos.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFaceAnalyzer } from '../../../engine/src/stages/faces/face-analyzer.js';
import type { DetectedFace } from '../../../engine/src/stages/frames/frame.js';
import { loadPhoto, readDlibBoxes, runModel, skipReason, type LabelledBox } from './fixtures.js';
import { DEFAULT_CARRY_CHECK } from '../../../engine/src/stages/faces/detect/carry-check.js';
import { iou } from '../../../engine/src/stages/tracks/geometry.js';

function overlapsLabel(face: DetectedFace, labels: LabelledBox[]): boolean {
  const [x, y, w, h] = face.box;
  const cx = x + w / 2;
  const cy = y + h / 2;
  return labels.some((b) => cx >= b.x1 && cx <= b.x2 && cy >= b.y1 && cy <= b.y2);
}

test('labelled faces are judged; false detections and figurines are set aside with the right reason', { skip: skipReason }, async () => {
  const analyzer = createFaceAnalyzer(runModel);
  const labels = [...readDlibBoxes('training.xml'), ...readDlibBoxes('testing.xml')];
  let judged = 0;
  let labelled = 0;
  const reasons: Record<string, number> = {};
  for (const file of ['dlib/examples/faces/2008_007676.jpg', 'dlib/examples/faces/2008_004176.jpg', 'dlib/examples/faces/2008_002470.jpg']) {
    const own = labels.filter((b) => b.file === file);
    const faces = await analyzer.analyzeFrame(await loadPhoto(file));
    labelled += own.length;
    for (const face of faces) {
      if (overlapsLabel(face, own)) {
        assert.equal(face.setAside, undefined, `labelled face at ${face.box.map(Math.round)} in ${file} set aside as ${face.setAside}`);
        assert.equal(face.landmarks?.length, 136);
        assert.equal(face.embedding?.length, 512);
        // Landmarks of a judged face lie around its box.
        const [x, y, w, h] = face.box;
        const nose = [face.landmarks[60]!, face.landmarks[61]!];
        assert.ok(nose[0]! > x && nose[0]! < x + w && nose[1]! > y && nose[1]! < y + h, 'nose tip inside the box');
        judged++;
      } else {
        assert.ok(face.setAside, `unlabelled detection at ${face.box.map(Math.round)} in ${file} was not set aside`);
        reasons[face.setAside] = (reasons[face.setAside] ?? 0) + 1;
        if (face.setAside === 'too-small') assert.ok(face.landmarks === null && face.embedding === null && face.female === null);
      }
    }
  }
  console.log(`analyzer on dlib group photos: ${judged}/${labelled} labelled faces judged; unlabelled detections set aside: ${JSON.stringify(reasons)}`);
  assert.equal(judged, labelled);
  // 2008_004176 has figurines with 5 px faces on a shelf.
  assert.ok((reasons['too-small'] ?? 0) >= 2);
  // 2008_007676 has a neck the tiles take for a face (detector score 0.96).
  assert.ok((reasons['not-face'] ?? 0) >= 1);
});

test('gender is estimated for faces of decent quality, as P(female)', { skip: skipReason }, async () => {
  const analyzer = createFaceAnalyzer(runModel, { clock: () => performance.now() });
  const men = (await analyzer.analyzeFrame(await loadPhoto('face-api.js/examples/images/bbt1.jpg'))).filter((f) => !f.setAside);
  assert.equal(men.length, 4);
  for (const face of men) {
    assert.ok(face.quality >= 0.45 && face.female !== null && face.female < 0.5, `female ${face.female} for a man (quality ${face.quality})`);
  }
  const women = (await analyzer.analyzeFrame(await loadPhoto('vladmandic-face-api/demo/sample5.jpg'))).filter((f) => !f.setAside);
  assert.equal(women.length, 5);
  for (const face of women) assert.ok(face.female !== null && face.female > 0.5, `female ${face.female} for a woman`);
  const timings = analyzer.timings();
  const { detectorViews, landmarkRuns, ...counts } = analyzer.counts();
  assert.deepEqual(counts, { frames: 2, faces: 10, embeddings: 9, genders: 9, detections: 2 });
  assert.ok(detectorViews >= 2, 'at least the whole view of each photo');
  assert.ok(timings.detect! > 0 && timings.embed! > 0 && timings.gender! > 0);
  // The mirrored landmark run (the not-face screen) only below the score mirrorCheckBelow.
  const screened = createFaceAnalyzer(runModel, { mirrorCheckBelow: 1 });
  for (const name of ['face-api.js/examples/images/bbt1.jpg', 'vladmandic-face-api/demo/sample5.jpg']) await screened.analyzeFrame(await loadPhoto(name));
  console.log(`landmark runs on 10 faces: ${landmarkRuns} (mirror below the default score), ${screened.counts().landmarkRuns} (every face)`);
  assert.equal(screened.counts().landmarkRuns, 2 * 10);
  assert.ok(landmarkRuns >= 10 && landmarkRuns < 2 * 10);
});

test('carried boxes are described without the detector; faces not embedded get no gender (a track’s gender uses embedded faces only)', { skip: skipReason }, async () => {
  const analyzer = createFaceAnalyzer(runModel);
  const photo = await loadPhoto('face-api.js/examples/images/bbt1.jpg');
  const detected = wellSeen(await analyzer.analyzeFrame(photo));
  assert.ok(detected.length >= 3, `${detected.length} well-seen faces`);
  const carried = await analyzer.analyzeFrame(photo, { carried: detected, shouldEmbed: () => false });
  assert.equal(analyzer.counts().detections, 1, 'the detector ran once');
  assert.deepEqual(carried.map((f) => f.box), detected.map((f) => f.box), 'the faces did not move: the boxes stay');
  assert.ok(carried.every((f) => f.embedding === null && f.female === null && !f.setAside));
  await analyzer.analyzeFrame(photo, { carried: detected.map(({ box, score }) => ({ box, score })) });
  assert.equal(analyzer.counts().detections, 2, 'boxes without their landmarks cannot be checked: the detector ran');
});

/** The faces a carried box may hold (see detect/carry-check.ts). */
function wellSeen(faces: DetectedFace[]): DetectedFace[] {
  return faces.filter((f) => !f.setAside && f.quality >= DEFAULT_CARRY_CHECK.minQuality);
}

test('a carried box follows its face when the face moved a little, and the detector runs when it moved far', { skip: skipReason }, async () => {
  const analyzer = createFaceAnalyzer(runModel);
  const photo = await loadPhoto('face-api.js/examples/images/bbt1.jpg');
  const detected = wellSeen(await analyzer.analyzeFrame(photo));
  // As if each face had been a share of its box to the right one sample earlier, box and points alike.
  const earlier = (share: number) =>
    detected.map((f) => {
      const dx = share * f.box[2];
      return { ...f, box: [f.box[0] + dx, f.box[1], f.box[2], f.box[3]] as [number, number, number, number], landmarks: f.landmarks!.map((v, i) => (i % 2 === 0 ? v + dx : v)) };
    });
  const followed = await analyzer.analyzeFrame(photo, { carried: earlier(0.12), shouldEmbed: () => false });
  assert.equal(analyzer.counts().detections, 1, 'followed without the detector');
  for (const [i, face] of followed.entries()) {
    const overlap = iou(face.box, detected[i]!.box);
    assert.ok(overlap > 0.9, `face ${i}: the followed box overlaps the detected one by ${overlap.toFixed(2)} (the carried one by ${iou(earlier(0.12)[i]!.box, detected[i]!.box).toFixed(2)})`);
  }
  await analyzer.analyzeFrame(photo, { carried: earlier(0.6), shouldEmbed: () => false });
  assert.equal(analyzer.counts().detections, 2, 'a face that moved more than a quarter of its box: the detector ran');
});
