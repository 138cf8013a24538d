/**
 * Real: the installed detector and age_gender.onnx, the labelled eval photos (identities.json: gender per
 * person). Faces are found with one whole-picture detector run and cut the way face-api does.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { getImageInput } from '../../../engine/src/adapters/models/manifest.js';
import { OnnxModels } from '../../../engine/src/adapters/onnx.adapter.js';
import { cropFaceApiStyle, detectFaces, hasEvalPhotos, loadRgb, PHOTOS_DIR, pickFace, readIdentities, toInputTensor } from './face-crops.js';

/** The models in models/weights, on the default settings. */
const sessions = new OnnxModels();

/** A floor, well under today's figures (women 56/57, men 79/83 on 2025-11 models), that a broken contract would miss. */
const MIN_ACCURACY = 0.85;

const statuses = await sessions.verify();
const notReady = statuses.filter((s) => (s.id === 'detector' || s.id === 'age-gender') && s.state !== 'ok');
const skip = !hasEvalPhotos
  ? 'eval photos absent (../shared/eval)'
  : notReady.length > 0
    ? `models not installed (${notReady.map((s) => s.id).join(', ')}); run \`npx onscreen models fetch\``
    : false;

after(() => sessions.release());

test('the age-gender model tells women from men on the labelled photos', { skip }, async (t) => {
  const detector = getImageInput('detector');
  const ageGender = getImageInput('age-gender');
  const tally = { F: { right: 0, total: 0 }, M: { right: 0, total: 0 } };
  let noFace = 0;
  for (const it of readIdentities()) {
    const img = await loadRgb(join(PHOTOS_DIR, it.file));
    const face = pickFace(await detectFaces(img, detector), it.pick);
    if (!face) {
      noFace++;
      continue;
    }
    const input = toInputTensor(cropFaceApiStyle(img, face, 112), 112, 112, ageGender);
    const pMale = (await sessions.run('age-gender', { [ageGender.name]: input }))['gender']!.data[0]!;
    const row = tally[it.gender];
    row.total++;
    if ((pMale > 0.5) === (it.gender === 'M')) row.right++;
  }
  const rate = (r: { right: number; total: number }): number => r.right / r.total;
  t.diagnostic(
    `women ${tally.F.right}/${tally.F.total} (${(100 * rate(tally.F)).toFixed(1)} %), ` +
      `men ${tally.M.right}/${tally.M.total} (${(100 * rate(tally.M)).toFixed(1)} %), no face found in ${noFace}`,
  );
  assert.ok(tally.F.total >= 40 && tally.M.total >= 60, 'most labelled faces were found');
  assert.ok(rate(tally.F) >= MIN_ACCURACY, `women: ${tally.F.right}/${tally.F.total}`);
  assert.ok(rate(tally.M) >= MIN_ACCURACY, `men: ${tally.M.right}/${tally.M.total}`);
});
