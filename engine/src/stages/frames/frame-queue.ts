/**
 * Turns a raw RGB24 byte stream plus a separate stream of frame times into Frames, in constant
 * memory: a fixed pool of picture buffers is filled in turn, and a buffer goes back to the pool
 * when the consumer asks for the frame after the one it held. Pure; the ffmpeg adapter feeds it.
 */
import type { Frame } from './frame.js';

export class FrameQueue {
  private readonly free: Uint8Array[] = [];
  private readonly filled: Uint8Array[] = [];
  private readonly times: number[] = [];
  private filling: Uint8Array | null = null;
  private fillOffset = 0;
  private held: Uint8Array | null = null;
  private taken = 0;

  /**
   * @param depth frames decoded ahead of the consumer before the producer should pause
   *   (the pool holds depth + 2 buffers: the queue, the one being filled, the one the consumer holds).
   */
  constructor(
    readonly width: number,
    readonly height: number,
    readonly depth: number,
    /** Bytes per pixel: 3 for RGB24, 1 for grey. */
    readonly channels = 3,
  ) {
    for (let i = 0; i < depth + 2; i += 1) this.free.push(new Uint8Array(this.frameBytes));
  }

  get frameBytes(): number {
    return this.width * this.height * this.channels;
  }

  /** Frames handed to the consumer so far. */
  get takenCount(): number {
    return this.taken;
  }

  /** Whether the producer should stop reading until the consumer catches up. */
  get isFull(): boolean {
    return this.filled.length >= this.depth;
  }

  /** Frames whose picture and time are both known, waiting for the consumer. */
  get readyCount(): number {
    return Math.min(this.filled.length, this.times.length);
  }

  /** Complete pictures still waiting for their time (ffmpeg logs times on another pipe). */
  get untimedCount(): number {
    return Math.max(0, this.filled.length - this.times.length);
  }

  /** Bytes of an unfinished picture (a truncated stream if left over at the end). */
  get partialBytes(): number {
    return this.fillOffset;
  }

  /** Copies raw picture bytes in, completing as many frames as the chunk holds. */
  write(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (!this.filling) {
        // The pool is sized for a paused producer; a producer that keeps writing gets fresh memory.
        this.filling = this.free.pop() ?? new Uint8Array(this.frameBytes);
        this.fillOffset = 0;
      }
      const count = Math.min(chunk.length - offset, this.frameBytes - this.fillOffset);
      this.filling.set(chunk.subarray(offset, offset + count), this.fillOffset);
      this.fillOffset += count;
      offset += count;
      if (this.fillOffset === this.frameBytes) {
        this.filled.push(this.filling);
        this.filling = null;
        this.fillOffset = 0;
      }
    }
  }

  /** Records the presentation time of the next picture, in order. */
  addTime(t: number): void {
    this.times.push(t);
  }

  /** The next ready frame, or null. Hands the previously taken frame's buffer back to the pool. */
  take(): Frame | null {
    if (this.readyCount === 0) return null;
    this.release();
    const data = this.filled.shift()!;
    const t = this.times.shift()!;
    this.held = data;
    const frame: Frame = { index: this.taken, t, width: this.width, height: this.height, data };
    this.taken += 1;
    return frame;
  }

  /** Gives the held buffer back (when the consumer is done). */
  release(): void {
    if (this.held) this.free.push(this.held);
    this.held = null;
  }
}
