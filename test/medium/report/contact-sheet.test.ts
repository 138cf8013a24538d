// Real: @napi-rs/canvas encodes and decodes the JPEG. A doubtful person's contact sheet ("check: may be
// two people") shows the two groups either side of a dark bar; an ordinary one has thin white gaps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { encodeContactSheet } from '../../../engine/src/adapters/thumbnail.adapter.js';

const SIZE = 32;
const grey = (): Uint8Array => new Uint8Array(SIZE * SIZE * 3).fill(128);

async function pixels(jpeg: Buffer): Promise<{ width: number; at: (x: number) => [number, number, number] }> {
  const image = await loadImage(jpeg);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  const row = (SIZE / 2) * image.width * 4;
  return { width: image.width, at: (x) => [data[row + x * 4]!, data[row + x * 4 + 1]!, data[row + x * 4 + 2]!] };
}

test('a sheet split after two faces of three is wider by the bar, and the bar is dark', async () => {
  const plain = await pixels(encodeContactSheet([grey(), grey(), grey()], SIZE));
  assert.equal(plain.width, 3 * SIZE + 2 * 2);
  const split = await pixels(encodeContactSheet([grey(), grey(), grey()], SIZE, 2));
  assert.equal(split.width, 3 * SIZE + 2 * 2 + 10);
  const [r, g, b] = split.at(2 * SIZE + 2 + 5); // the middle of the bar after the second face
  assert.ok(r < 60 && g < 60 && b < 60, `bar colour ${r},${g},${b}`);
  const [fr] = split.at(2 * SIZE + 2 + 12 + 8); // inside the third face
  assert.ok(Math.abs(fr - 128) < 12, `third face grey, got ${fr}`);
});

test('a split at either end draws no bar', async () => {
  for (const splitAt of [0, 3]) assert.equal((await pixels(encodeContactSheet([grey(), grey(), grey()], SIZE, splitAt))).width, 3 * SIZE + 4);
});
