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

test('FrameQueue with holds 2 keeps a picture valid until the frame after next is taken; with holds 1 only until the next', () => {
  const overwrittenAfterNext = (holds: number): boolean => {
    const queue = new FrameQueue(2, 1, 1, 3, holds);
    const feed = (value: number) => {
      queue.write(frameBytes(value, 1));
      queue.addTime(value);
    };
    feed(1);
    const first = queue.take()!;
    feed(2);
    queue.take(); // the next frame: the consumer is still finishing the first
    feed(3);
    feed(4);
    return first.data[0] !== 1;
  };
  assert.equal(overwrittenAfterNext(1), true, 'holds 1 recycles the first picture once the next is taken');
  assert.equal(overwrittenAfterNext(2), false, 'holds 2 keeps it while the producer writes two more');

  const queue = new FrameQueue(2, 1, 1, 3, 2);
  const buffers = new Set<ArrayBufferLike>();
  for (let k = 0; k < 40; k += 1) {
    queue.write(frameBytes(k, 1));
    queue.addTime(k);
    buffers.add(queue.take()!.data.buffer);
  }
  assert.ok(buffers.size <= 4, `a paced producer stays within the pool of depth + 1 + holds buffers (used ${buffers.size})`);
  assert.throws(() => new FrameQueue(2, 1, 1, 3, 0), /holds must be a positive integer/);
});
