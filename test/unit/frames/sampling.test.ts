import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSelectExpression, fitGeometry } from '../../../engine/src/stages/frames/sampling.js';

test('fitGeometry keeps the source size when it fits or no limit is set', () => {
  assert.deepEqual(fitGeometry(1280, 720), { width: 1280, height: 720, toSource: 1, sourceWidth: 1280, sourceHeight: 720 });
  assert.deepEqual(fitGeometry(1280, 720, 1920).toSource, 1);
});

test('fitGeometry scales the longer side down to maxSide and says how to get back to source pixels', () => {
  const landscape = fitGeometry(3840, 2160, 1920);
  assert.equal(landscape.width, 1920);
  assert.equal(landscape.height, 1080);
  assert.equal(landscape.toSource, 2);
  const portrait = fitGeometry(1080, 2400, 1200);
  assert.equal(portrait.height, 1200);
  assert.equal(portrait.width, 540);
  assert.equal(portrait.sourceHeight, 2400);
});

test('buildSelectExpression keeps the first frame of each 1/fps bin and refuses nonsense rates', () => {
  assert.equal(buildSelectExpression(2), 'isnan(prev_t)+gt(floor(t*2)\\,floor(prev_t*2))');
  assert.match(buildSelectExpression(0.5), /floor\(t\*0\.5\)/);
  assert.throws(() => buildSelectExpression(0), RangeError);
  assert.throws(() => buildSelectExpression(Number.NaN), RangeError);
});
