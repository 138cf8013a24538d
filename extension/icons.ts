/** The toolbar and store icons, drawn at build time: the onscreen mark (an orange and a purple bar). */
import { createCanvas } from '@napi-rs/canvas';
import { COLOURS } from '../shared/src/palette.js';

export const ICON_SIZES = [16, 32, 48, 128] as const;

export function drawIcon(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const unit = size / 24;
  ctx.fillStyle = '#ffffff';
  roundRect(ctx, 0.5 * unit, 0.5 * unit, 23 * unit, 23 * unit, 5 * unit);
  ctx.fillStyle = COLOURS.female;
  roundRect(ctx, 3 * unit, 5.5 * unit, 11 * unit, 5.5 * unit, 1.6 * unit);
  ctx.fillStyle = COLOURS.male;
  roundRect(ctx, 3 * unit, 13 * unit, 18 * unit, 5.5 * unit, 1.6 * unit);
  return canvas.toBuffer('image/png');
}

function roundRect(ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}
