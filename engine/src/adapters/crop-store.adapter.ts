/**
 * Face crops kept for thumbnails while the video streams, spilled to a scratch file so memory
 * stays flat whatever the video's length. Fixed-size records: crop n is at n × recordSize.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class CropStore {
  private readonly fd: number;
  private readonly recordSize: number;
  private readonly slotOf = new Map<number, number>();

  constructor(workDir: string, readonly size: number) {
    this.recordSize = size * size * 3;
    this.fd = openSync(join(workDir, 'face-crops.rgb'), 'w+');
  }

  put(faceId: number, rgb: Uint8Array): void {
    if (rgb.length !== this.recordSize) throw new Error(`CropStore: expected ${this.recordSize} bytes, got ${rgb.length}`);
    const slot = this.slotOf.size;
    writeSync(this.fd, rgb, 0, rgb.length, slot * this.recordSize);
    this.slotOf.set(faceId, slot);
  }

  get(faceId: number): Uint8Array | null {
    const slot = this.slotOf.get(faceId);
    if (slot === undefined) return null;
    const out = new Uint8Array(this.recordSize);
    readSync(this.fd, out, 0, out.length, slot * this.recordSize);
    return out;
  }

  close(): void {
    closeSync(this.fd);
  }
}
