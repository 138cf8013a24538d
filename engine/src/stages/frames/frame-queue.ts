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
  private readonly held: Uint8Array[] = [];
  private taken = 0;

  /**
   * @param depth frames decoded ahead of the consumer before the producer should pause
   *   (the pool holds depth + 1 + holds buffers: the queue, the one being filled, the ones the consumer holds).
   */
  constructor(
    readonly width: number,
    readonly height: number,
    readonly depth: number,
    /** Bytes per pixel: 3 for RGB24, 1 for grey. */
    readonly channels = 3,
    /**
     * Frames the consumer may hold at once: taking a frame hands back the buffer of the frame taken
     * `holds` frames earlier (2 lets a consumer finish one frame while it starts on the next).
     */
    readonly holds = 1,
  ) {
    if (!Number.isInteger(holds) || holds < 1) throw new Error(`holds must be a positive integer, got ${holds}`);
    for (let i = 0; i < depth + 1 + holds; i += 1) this.free.push(new Uint8Array(this.frameBytes));
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

  /** The next ready frame, or null. Hands the buffer taken `holds` frames earlier back to the pool. */
  take(): Frame | null {
    if (this.readyCount === 0) return null;
    this.releaseForNext();
    const data = this.filled.shift()!;
    const t = this.times.shift()!;
    this.held.push(data);
    const frame: Frame = { index: this.taken, t, width: this.width, height: this.height, data };
    this.taken += 1;
    return frame;
  }

  /** The consumer asks for its next frame: hands back every held buffer but the newest `holds - 1`. */
  releaseForNext(): void {
    while (this.held.length > this.holds - 1) this.free.push(this.held.shift()!);
  }

  /** Gives the held buffers back (when the consumer is done). */
  release(): void {
    this.free.push(...this.held.splice(0));
  }
}
