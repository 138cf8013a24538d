import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameQueue } from '../../../engine/src/stages/frames/frame-queue.js';

/** Bytes of `count` frames of 2x1 RGB pixels where every byte of frame k is k. */
function frameBytes(first: number, count: number): Uint8Array {
  const bytes = new Uint8Array(count * 6);
  for (let k = 0; k < count; k += 1) bytes.fill(first + k, k * 6, (k + 1) * 6);
  return bytes;
}

test('FrameQueue assembles frames from chunks cut anywhere and pairs them with their times in order', () => {
  const queue = new FrameQueue(2, 1, 4);
  const bytes = frameBytes(10, 3);
  queue.write(bytes.subarray(0, 4));
  queue.write(bytes.subarray(4, 13));
  assert.equal(queue.untimedCount, 2);
  assert.equal(queue.readyCount, 0, 'a frame without its time is not ready');
  queue.addTime(0.5);
  queue.addTime(1.02);
  const first = queue.take()!;
  assert.deepEqual([first.index, first.t, first.width, first.height, [...first.data]], [0, 0.5, 2, 1, [10, 10, 10, 10, 10, 10]]);
  assert.equal(queue.take()!.data[0], 11);
  assert.equal(queue.take(), null);
  assert.equal(queue.partialBytes, 1);
  queue.write(bytes.subarray(13));
  queue.addTime(1.5);
  assert.deepEqual([queue.take()!.t, queue.takenCount], [1.5, 3]);
});

test('FrameQueue says when it is full and recycles a fixed pool of buffers', () => {
  const depth = 2;
  const queue = new FrameQueue(2, 1, depth);
  const seen = new Set<ArrayBufferLike>();
  for (let k = 0; k < 50; k += 1) {
    queue.write(frameBytes(k, 1));
    queue.addTime(k);
    if (k % 2 === 1) {
      assert.equal(queue.isFull, true);
      for (let frame = queue.take(); frame; frame = queue.take()) seen.add(frame.data.buffer);
      assert.equal(queue.isFull, false);
    }
  }
  assert.ok(seen.size <= depth + 2, `used ${seen.size} buffers for 50 frames`);
});

test('FrameQueue works for grey thumbnails (one byte per pixel)', () => {
  const queue = new FrameQueue(4, 2, 1, 1);
  queue.write(new Uint8Array(8).fill(7));
  queue.addTime(0);
  assert.equal(queue.take()!.data.length, 8);
});
