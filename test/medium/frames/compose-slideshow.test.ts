/**
 * The demo's sample is composed from photos, some of them regions cut from a contact sheet and
 * stacked (faces of men from @vladmandic/human's screenshots). Real ffmpeg on photos drawn here.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { composeSlideshow } from '../../../engine/src/adapters/ffmpeg-compose.adapter.js';
import { Ffmpeg } from '../../../engine/src/adapters/ffmpeg.adapter.js';
import { makeTempDir } from '../../fixtures/media.js';

/** ffmpeg as the adapter finds it (no configured binaries). */
const system = new Ffmpeg();

/** A 400×200 "contact sheet": a red band on top (rows 0–99) and a green band below. */
async function sheet(path: string): Promise<string> {
  const canvas = createCanvas(400, 200);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, 400, 100);
  ctx.fillStyle = '#00ff00';
  ctx.fillRect(0, 100, 400, 100);
  await writeFile(path, canvas.toBuffer('image/png'));
  return path;
}

test('slides of whole photos and of stacked regions, after a title card, each for its seconds', async () => {
  const temp = await makeTempDir('onscreen-compose-');
  try {
    const photo = await sheet(join(temp.dir, 'sheet.png'));
    const output = join(temp.dir, 'sample.mp4');
    // Slide 1: the whole photo (covers the frame). Slide 2: the green band's left half on top of the red band's right half.
    await composeSlideshow(system, [{ path: photo }, { path: photo, regions: [[0, 100, 200, 100], [200, 0, 200, 100]] }], output, { width: 320, height: 180, fps: 10, secondsPerPhoto: 1, titleSeconds: 1 });
    const probe = await system.probeVideo(output);
    assert.ok(Math.abs((probe.duration ?? 0) - 3) < 0.2, `3 s long, got ${probe.duration}`);
    const colourAt = (data: Uint8Array, width: number, x: number, y: number) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    const frames: { t: number; top: number[]; bottom: number[]; side: number[] }[] = [];
    for await (const frame of system.streamFrames(output, { fps: 2 })) {
      frames.push({ t: frame.t, top: colourAt(frame.data, frame.width, 160, 60), bottom: colourAt(frame.data, frame.width, 160, 120), side: colourAt(frame.data, frame.width, 5, 90) });
    }
    const second = frames.find((f) => f.t >= 2.2);
    assert.ok(second, 'a frame of the second slide');
    const isGreen = (c: number[]) => c[1]! > 150 && c[0]! < 100;
    const isRed = (c: number[]) => c[0]! > 150 && c[1]! < 100;
    assert.ok(isGreen(second.top), `green band stacked on top: ${second.top}`);
    assert.ok(isRed(second.bottom), `red band below: ${second.bottom}`);
    // The stack (200×200) is fitted into the 16:9 frame: the sides are the neutral background, not stretched picture.
    assert.ok(!isGreen(second.side) && !isRed(second.side), `padded sides: ${second.side}`);
  } finally {
    await temp.remove();
  }
});
