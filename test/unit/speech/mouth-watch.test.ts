import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planMouthWatch, targetsAt, WATCH_SETTINGS } from '../../../engine/src/stages/speech/mouth-watch.js';
import { boxAt, trackPaths } from '../../../engine/src/stages/speech/track-paths.js';

// Faces sampled twice a second; a cut at 10 s. Track 0 (person 4) from 1 s to 3 s moving right;
// track 1 (person 5) from 10 s to 12 s.
const faces = [
  { t: 1, box: [100, 100, 50, 50] as [number, number, number, number] },
  { t: 2, box: [200, 100, 50, 50] as [number, number, number, number] },
  { t: 3, box: [300, 100, 50, 50] as [number, number, number, number] },
  { t: 10, box: [600, 300, 100, 100] as [number, number, number, number] },
  { t: 12, box: [600, 300, 100, 100] as [number, number, number, number] },
];
const tracks = [
  { id: 0, faces: [0, 1, 2], cluster: 4 },
  { id: 1, faces: [3, 4], cluster: 5 },
];
const paths = trackPaths(tracks, faces, [10]);
const picture = { width: 1280, height: 720 };

test('a track box is interpolated between samples, held a little beyond its ends, never across a cut', () => {
  assert.deepEqual(boxAt(paths[0]!, 1.5, 0.3), [150, 100, 50, 50]);
  assert.deepEqual(boxAt(paths[0]!, 0.8, 0.3), [100, 100, 50, 50]);
  assert.equal(boxAt(paths[0]!, 0.5, 0.3), null);
  assert.equal(boxAt(paths[1]!, 9.8, 0.3), null, 'track 1 starts after the cut at 10 s');
  assert.deepEqual(paths.map((p) => [p.person, p.shot]), [[4, [0, 10]], [5, [10, Infinity]]]);
});

test('only speech with someone seen is decoded, cropped to their faces, near pieces joined', () => {
  const plan = planMouthWatch([[1.2, 2.6], [2.9, 3.2], [5, 6], [10, 20]], paths, picture);
  assert.deepEqual(plan.watched.map((w) => w.map((p) => p.track)), [[0], [0], [], [1]]);
  assert.deepEqual(plan.windows.at(-1), [10, 10 + WATCH_SETTINGS.maxWatch], 'a long piece is watched for its first seconds');
  assert.equal(plan.spans.length, 2);
  assert.deepEqual([plan.spans[0]!.start, plan.spans[0]!.end], [1.2, 3.2]);
  const [x, y, w, h] = plan.spans[0]!.region;
  assert.deepEqual([x, y, x + w, y + h], [85, 85, 365, 165], 'all three boxes with a margin of 0.3 face');
  assert.deepEqual([plan.spans[1]!.start, plan.spans[1]!.end], [10, 14]);
});

test('a span is scaled down so that its smallest face keeps faceSide pixels, never up', () => {
  // Track 0's faces are 50 pixels: kept at source size (never scaled up). Faces of 400 pixels are brought to faceSide.
  const plan = planMouthWatch([[1.2, 2.6], [10, 20]], paths, picture);
  assert.equal(plan.spans[0]!.maxScale, 1);
  assert.equal(plan.spans[1]!.maxScale, Math.min(1, WATCH_SETTINGS.faceSide / 100));
  const big = trackPaths([{ id: 0, faces: [0, 1], cluster: 4 }], [{ t: 1, box: [100, 100, 400, 300] }, { t: 2, box: [120, 100, 420, 320] }], []);
  const [span] = planMouthWatch([[1, 2]], big, picture).spans;
  assert.equal(span!.maxScale, WATCH_SETTINGS.faceSide / 400);
  // Joined spans keep the smaller face's scale.
  const both = trackPaths([{ id: 0, faces: [0], cluster: 4 }, { id: 1, faces: [1], cluster: 5 }], [{ t: 1, box: [100, 100, 400, 400] }, { t: 2.5, box: [600, 100, 200, 200] }], []);
  const joined = planMouthWatch([[1, 1.5], [2.2, 2.8]], both, picture).spans;
  assert.equal(joined.length, 1);
  assert.equal(joined[0]!.maxScale, WATCH_SETTINGS.faceSide / 200);
});

test('a picture is measured on the faces of the piece it falls in, and nowhere else', () => {
  const plan = planMouthWatch([[1.2, 2.6], [10, 20]], paths, picture);
  assert.deepEqual(targetsAt(plan, 1.5).map((t) => [t.piece, t.path.track, t.box]), [[0, 0, [150, 100, 50, 50]]]);
  assert.deepEqual(targetsAt(plan, 4), []);
  assert.deepEqual(targetsAt(plan, 13).map((t) => t.path.track), []); // 12.3 s is past track 1's reach
  assert.deepEqual(targetsAt(plan, 11).map((t) => t.path.track), [1]);
});

test('a face whose mouth never moved over its samples (a photo) is not watched, and its speech not decoded', () => {
  /** Jaw 100 px wide (points 0 and 16); inner lips `gap` apart. */
  const withMouth = (gap: number) => {
    const points = new Float32Array(136);
    points[32] = 100;
    for (const i of [65, 66, 67]) points[2 * i + 1] = gap;
    return points;
  };
  const still = trackPaths(tracks, faces, [10], (f) => withMouth(f < 3 ? 2 : [1, 9][f - 3]!));
  assert.deepEqual(still.map((p) => p.isStill), [true, false]);
  const plan = planMouthWatch([[1.2, 2.6], [10, 12]], still, picture);
  assert.deepEqual(plan.watched.map((w) => w.length), [0, 1]);
  assert.deepEqual(plan.spans.map((s) => s.start), [10]);
  assert.equal(trackPaths(tracks, faces, [10], () => null)[0]!.isStill, false, 'without landmarks, nothing is taken as still');
});

test('a shot with one moving face is judged once, on its first seconds of speech; a two-shot piece by piece', () => {
  const long = trackPaths([{ id: 0, faces: [0, 1], cluster: 1 }], [{ t: 0, box: [0, 0, 50, 50] }, { t: 30, box: [0, 0, 50, 50] }], []);
  const plan = planMouthWatch([[1, 3], [4, 7], [8, 20]], long, picture);
  assert.deepEqual(plan.groups, [0, 0, 0]);
  assert.deepEqual(plan.windows, [[1, 3], [4, 6], [8, 8]]);
  assert.deepEqual(plan.spans.map((s) => [s.start, s.end]), [[1, 3], [4, 6]]);
  const two = trackPaths([{ id: 0, faces: [0, 1], cluster: 1 }, { id: 1, faces: [2, 3], cluster: 2 }], [{ t: 0, box: [0, 0, 50, 50] }, { t: 30, box: [0, 0, 50, 50] }, { t: 0, box: [600, 0, 50, 50] }, { t: 30, box: [600, 0, 50, 50] }], []);
  const turns = planMouthWatch([[1, 3], [4, 7], [8, 20]], two, picture);
  assert.deepEqual(turns.groups, [0, 1, 2]);
  assert.deepEqual(turns.windows, [[1, 3], [4, 7], [8, 12]]);
});
