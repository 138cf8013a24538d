/**
 * A 1280x720 frame made of real faces from the eval photos, each scaled so that its detector box is
 * `faceSize` pixels tall, on a plain background: many small faces where a 16:9 frame squeezed into the
 * detector's 320x240 input would lose them.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { join } from 'node:path';
import type { Frame } from '../../../engine/src/stages/frames/frame.js';
import { detectFaces } from '../../../engine/src/stages/faces/detect/detector.js';
import { PHOTOS_DIR, loadPhoto, runModel, toFrame } from './fixtures.js';

export interface PlacedFace {
  id: string;
  file: string;
  /** Where the face's detector box should land in the frame: [x, y, w, h]. */
  box: [number, number, number, number];
}

export async function makeCrowdFrame(people: { id: string; file: string }[], faceSize: number): Promise<{ frame: Frame; placed: PlacedFace[] }> {
  const canvas = createCanvas(1280, 720);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 1280, 720);
  gradient.addColorStop(0, '#4a5560');
  gradient.addColorStop(1, '#9a8f80');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 1280, 720);
  const placed: PlacedFace[] = [];
  for (const [k, person] of people.entries()) {
    const photo = await loadPhoto(person.file);
    const [face] = (await detectFaces(photo, runModel, { minFaceSize: 20, scoreThreshold: 0.6, maxRuns: 7 })).sort((a, b) => b.y2 - b.y1 - (a.y2 - a.y1));
    if (!face) continue;
    const scale = faceSize / (face.y2 - face.y1);
    // Columns 240 px apart and rows 170 px apart put several faces across the detector's tile edges.
    const cx = 100 + (k % 5) * 240 + ((k * 37) % 50);
    const cy = 70 + Math.floor(k / 5) * 170 + ((k * 53) % 40);
    // Paste the face with some of its surroundings (1.8x the box), as it would appear in a wide shot.
    const sw = (face.x2 - face.x1) * 1.8;
    const sh = (face.y2 - face.y1) * 1.8;
    const sx = (face.x1 + face.x2) / 2 - sw / 2;
    const sy = (face.y1 + face.y2) / 2 - sh / 2;
    const image = await loadImage(join(PHOTOS_DIR, person.file));
    context.drawImage(image, sx, sy, sw, sh, cx - (sw * scale) / 2, cy - (sh * scale) / 2, sw * scale, sh * scale);
    const w = (face.x2 - face.x1) * scale;
    placed.push({ id: person.id, file: person.file, box: [cx - w / 2, cy - faceSize / 2, w, faceSize] });
  }
  return { frame: toFrame(context.getImageData(0, 0, 1280, 720).data, 1280, 720), placed };
}
