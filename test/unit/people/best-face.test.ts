import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Face, Track } from '../../../shared/src/analysis.js';
import { bestFaceThumbnail } from '../../../engine/src/stages/people/best-face.js';

function face(id: number, quality: number): Face {
  return { id, t: id, sample: id, box: [0, 0, 10, 10], score: 0.9, quality, track: id, cluster: 0 };
}

function track(id: number, bestFace: number, thumbnail = `thumbnails/track-${id}.jpg`): Track {
  return { id, faces: [bestFace], start: 0, end: 1, cluster: 0, female: null, genderWeight: 0, thumbnail, bestFace };
}

test('the best face is the picture of the track whose best face has the highest quality', () => {
  const analysis = { faces: [face(0, 0.4), face(1, 0.9), face(2, 0.7)], tracks: [track(0, 0), track(1, 1), track(2, 2)] };
  assert.equal(bestFaceThumbnail(analysis, [0, 2]), 'thumbnails/track-2.jpg');
  assert.equal(bestFaceThumbnail(analysis, [0, 1, 2]), 'thumbnails/track-1.jpg');
  assert.equal(bestFaceThumbnail(analysis, [2, 1]), 'thumbnails/track-1.jpg', 'the order of tracks does not matter');
});

test('tracks without a picture or unknown ids are skipped; none left gives null', () => {
  const analysis = { faces: [face(0, 0.9), face(1, 0.5)], tracks: [track(0, 0, ''), track(1, 1)] };
  assert.equal(bestFaceThumbnail(analysis, [0, 1]), 'thumbnails/track-1.jpg');
  assert.equal(bestFaceThumbnail(analysis, [0, 7]), null);
  assert.equal(bestFaceThumbnail(analysis, []), null);
});
