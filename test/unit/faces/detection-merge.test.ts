import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iouOf, suppressContained, suppressOverlaps, type Candidate } from '../../../engine/src/stages/faces/detect/boxes.js';
import { decodeDetections } from '../../../engine/src/stages/faces/detect/decode.js';
import { keepResponsible, mergeViews, touchesInnerEdge } from '../../../engine/src/stages/faces/detect/detector.js';

const box = (x1: number, y1: number, x2: number, y2: number, score = 0.9, view = 0): Candidate => ({ x1, y1, x2, y2, score, view });

test('IoU of identical, disjoint and half-overlapping boxes', () => {
  assert.equal(iouOf(box(0, 0, 10, 10), box(0, 0, 10, 10)), 1);
  assert.equal(iouOf(box(0, 0, 10, 10), box(20, 20, 30, 30)), 0);
  assert.ok(Math.abs(iouOf(box(0, 0, 10, 10), box(5, 0, 15, 10)) - 50 / 150) < 1e-12);
});

test('NMS keeps the best box of each overlapping group and leaves separate faces alone', () => {
  const kept = suppressOverlaps([box(0, 0, 10, 10, 0.8), box(1, 1, 11, 11, 0.95), box(50, 50, 60, 60, 0.7), box(2, 0, 12, 10, 0.9)], 0.4);
  assert.deepEqual(kept.map((k) => k.score), [0.95, 0.7]);
  // Just below the IoU limit both survive.
  assert.equal(suppressOverlaps([box(0, 0, 10, 10), box(6, 0, 16, 10, 0.8)], 0.4).length, 2);
});

test('a box inside a bigger box from another view goes; nested boxes of one view and side-by-side faces stay', () => {
  const whole = box(100, 100, 200, 220, 0.99, 0);
  const eye = box(110, 130, 140, 160, 0.95, 3);
  const neighbour = box(205, 100, 300, 220, 0.9, 3);
  assert.deepEqual(suppressContained([whole, eye, neighbour], 0.6), [whole, neighbour]);
  assert.equal(suppressContained([whole, box(110, 130, 140, 160, 0.95, 0)], 0.6).length, 2);
  // Only partly inside (a face next to a big face's edge): kept.
  assert.equal(suppressContained([whole, box(180, 150, 230, 200, 0.9, 2)], 0.6).length, 2);
});

test('merging views reports a face seen by two views once, and drops a sliver of it seen by a third', () => {
  const whole = box(300, 200, 340, 250, 0.92, 2);
  const again = box(302, 198, 343, 252, 0.97, 0);
  const sliver = box(300, 200, 315, 250, 0.99, 1);
  assert.deepEqual(mergeViews([whole, sliver, again]), [again]);
});

test('tile boxes touching an inner tile edge are cut faces; edges on the frame border do not count', () => {
  const tile = { x: 400, y: 0, width: 500, height: 400 };
  assert.equal(touchesInnerEdge(box(401, 100, 440, 150), tile, 1280, 720), true);
  assert.equal(touchesInnerEdge(box(850, 390, 890, 400), tile, 1280, 720), true);
  assert.equal(touchesInnerEdge(box(500, 0, 540, 40), tile, 1280, 720), false);
  assert.equal(touchesInnerEdge(box(500, 100, 540, 150), tile, 1280, 720), false);
  const lastTile = { x: 780, y: 320, width: 500, height: 400 };
  assert.equal(touchesInnerEdge(box(1240, 680, 1280, 720), lastTile, 1280, 720), false);
});

test('big boxes from tiles need the whole view to see something there', () => {
  const limit = 96;
  const small = box(10, 10, 60, 70, 0.9, 2);
  const supported = box(100, 100, 230, 230, 0.9, 2);
  const unsupported = box(400, 100, 530, 230, 0.9, 2);
  const huge = box(600, 100, 900, 400, 0.99, 2);
  const support = [box(105, 95, 235, 235, 0.35, 0), box(600, 100, 900, 400, 0.4, 0)];
  assert.deepEqual(keepResponsible([small, supported, unsupported, huge], support, limit), [small, supported]);
  assert.deepEqual(keepResponsible([box(0, 0, 500, 500, 0.9, 0)], [], limit).length, 1);
});

test('decoding maps normalised corner boxes of a view back to source pixels above the threshold', () => {
  const scores = Float32Array.of(0.9, 0.1, 0.2, 0.8, 0.3, 0.7);
  const boxes = Float32Array.of(0, 0, 1, 1, 0.25, 0.5, 0.5, 1, 0, 0, 0.1, 0.1);
  const found = decodeDetections(scores, boxes, { x: 100, y: 50, width: 400, height: 200 }, 4, 0.75);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0], { x1: 200, y1: 150, x2: 300, y2: 250, score: 0.800000011920929, view: 4 });
});
