import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseTileFocus, greyThumbnail, narrowTilesForCloseUp, newSmallFaces, nextRhythm, rememberSmallFaces, startRhythm, type ScanOutcome, type ScanRhythm } from '../../../engine/src/stages/faces/detect/tile-policy.js';
import type { Box } from '../../../shared/src/analysis.js';

const OPTIONS = { fullScanEvery: 4, slowestFullScanEvery: 16, drift: 4, emptyFullScanEvery: 2, cutChange: 40, focusMemory: 4, sceneChange: 8, thumbnailWidth: 4, thumbnailHeight: 2, closeUp: 0.25, closeUpFullScanEvery: 16 };
const due = (next: number, empty = false): ScanRhythm => ({ next, every: 4, empty });
const small: Box[] = [[600, 300, 30, 30]];

test('every tile runs on the first sample, when a full scan is due and after a big change of picture', () => {
  assert.equal(chooseTileFocus(0, null, [small], startRhythm(OPTIONS), OPTIONS), null, 'the first sample');
  assert.equal(chooseTileFocus(1, null, [small], due(4), OPTIONS), null, 'nothing to compare with');
  assert.equal(chooseTileFocus(8, 0.5, [small], due(8), OPTIONS), null, 'full scan due');
  assert.equal(chooseTileFocus(5, 30, [small], due(8), OPTIONS), null, 'a cut or a new scene');
});

test('a steady picture runs only the tiles over the small faces it had (none when it had none)', () => {
  assert.deepEqual(chooseTileFocus(5, 2, [small], due(8), OPTIONS), small);
  assert.deepEqual(chooseTileFocus(5, 2, [[]], due(8), OPTIONS), []);
});

test('after a full scan that found no face, a change of picture waits for the rhythm', () => {
  assert.deepEqual(chooseTileFocus(5, 30, [small], due(6, true), OPTIONS), [], 'a camera moving over an empty scene: the faces before are elsewhere now');
  assert.equal(chooseTileFocus(5, 50, [], due(6, true), OPTIONS), null, 'a cut still runs every tile');
  assert.equal(chooseTileFocus(6, 30, [], due(6, true), OPTIONS), null, 'and so does the rhythm');
});

test('the small faces of the last samples keep their tiles, until the picture changes', () => {
  const other: Box = [100, 100, 40, 40];
  let recent = rememberSmallFaces([], small, null, OPTIONS);
  recent = rememberSmallFaces(recent, [], 1, OPTIONS);
  recent = rememberSmallFaces(recent, [other], 1, OPTIONS);
  assert.deepEqual(chooseTileFocus(5, 1, recent, due(8), OPTIONS), [other, ...small], 'a face missed once is looked for again');
  for (let i = 0; i < OPTIONS.focusMemory; i++) recent = rememberSmallFaces(recent, [], 1, OPTIONS);
  assert.deepEqual(chooseTileFocus(5, 1, recent, due(8), OPTIONS), [], 'forgotten after focusMemory samples');
  recent = rememberSmallFaces(rememberSmallFaces([], small, null, OPTIONS), [], 30, OPTIONS);
  assert.deepEqual(recent, [[]], 'a change of picture forgets them');
});

const outcome = (o: Partial<ScanOutcome>): ScanOutcome => ({ fullScan: true, foundNew: false, found: 1, drift: 1, ...o });

test('full scans that find nothing new in a steady picture come twice as far apart each time, up to the slowest', () => {
  let rhythm = startRhythm(OPTIONS);
  const spacings: number[] = [];
  for (let sample = 0; sample < 200; sample = rhythm.next) {
    rhythm = nextRhythm(rhythm, sample, outcome({ drift: sample === 0 ? null : 1 }), OPTIONS);
    spacings.push(rhythm.next - sample);
  }
  assert.deepEqual(spacings.slice(0, 5), [4, 8, 16, 16, 16], 'the first sample has nothing to compare with');
});

test('a new small face, or a picture that drifted from the last full scan, brings the rhythm back to the fastest', () => {
  const slow: ScanRhythm = { next: 40, every: 16, empty: false };
  assert.deepEqual(nextRhythm(slow, 40, outcome({ foundNew: true }), OPTIONS), { next: 44, every: 4, empty: false });
  assert.deepEqual(nextRhythm(slow, 40, outcome({ drift: 6 }), OPTIONS), { next: 44, every: 4, empty: false });
  assert.deepEqual(nextRhythm(slow, 30, outcome({ fullScan: false, drift: 6 }), OPTIONS), { next: 34, every: 4, empty: false }, 'a slow pan between full scans');
  assert.deepEqual(nextRhythm(slow, 30, outcome({ fullScan: false, drift: 1 }), OPTIONS), slow, 'a steady picture keeps the rhythm');
});

test('an empty full scan in a moving picture asks for the next one two samples later, or as soon as a face shows', () => {
  const empty = nextRhythm(due(10), 10, outcome({ found: 0, drift: 20 }), OPTIONS);
  assert.deepEqual(empty, { next: 12, every: 4, empty: true });
  assert.equal(nextRhythm(empty, 11, outcome({ fullScan: false, found: 0, drift: 20 }), OPTIONS).empty, true);
  assert.equal(nextRhythm(empty, 11, outcome({ fullScan: false, found: 1, drift: 20 }), OPTIONS).empty, false, 'the whole view saw a face');
});

test('new small faces are small faces that overlap no face of the previous sample', () => {
  const before: Box[] = [[600, 300, 30, 30], [100, 100, 200, 200]];
  const moved: Box = [604, 302, 30, 30];
  const elsewhere: Box = [900, 500, 40, 40];
  const big: Box = [900, 100, 300, 300];
  assert.deepEqual(newSmallFaces([moved, elsewhere, big], before, 144), [elsewhere]);
});

test('the grey thumbnail takes each cell centre and weighs the channels like luma', () => {
  // 4x2 picture: left half pure red, right half pure blue.
  const rgb = new Uint8Array(4 * 2 * 3);
  for (let p = 0; p < 8; p++) rgb.set(p % 4 < 2 ? [255, 0, 0] : [0, 0, 255], p * 3);
  assert.deepEqual([...greyThumbnail(rgb, 4, 2, 2, 1)], [Math.floor(255 * 0.299), Math.floor(255 * 0.114)]);
});

test('a close-up runs only the tiles over the small faces its whole view glimpsed', () => {
  const closeUp: Box = [500, 150, 260, 300];
  assert.deepEqual(narrowTilesForCloseUp(5, [closeUp, small[0]!], 720, 60, OPTIONS), small);
  assert.deepEqual(narrowTilesForCloseUp(5, [closeUp], 720, 60, OPTIONS), [], 'no tile at all');
});

test('a picture without a close-up, and every closeUpFullScanEvery-th sample, run every tile', () => {
  const medium: Box = [500, 150, 120, 150];
  assert.equal(narrowTilesForCloseUp(5, [medium, small[0]!], 720, 60, OPTIONS), null, 'no face fills a quarter of the height');
  assert.equal(narrowTilesForCloseUp(5, [], 720, 60, OPTIONS), null, 'nothing seen: small faces may be anywhere');
  assert.equal(narrowTilesForCloseUp(32, [[500, 150, 260, 300]], 720, 60, OPTIONS), null, 'periodic full scan');
});
