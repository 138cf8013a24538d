/**
 * Composes a broadcast-like clip from still photos with ffmpeg: each photo shown with a slow
 * zoom, hard cuts between them, a title card with no faces at the start. Used to make the
 * bundled demo video at install time from MIT-licensed photos (no third-party footage shipped).
 * Photos are shown whole, or as regions cut from them (faces from a contact sheet).
 */
import { spawn } from 'node:child_process';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { Ffmpeg } from './ffmpeg.adapter.js';

/**
 * One slide: a whole photo (scaled to cover the frame), or regions cut from it, stacked top to
 * bottom and fitted into the frame on a neutral background (for faces cut from a contact sheet).
 */
export interface Slide {
  path: string;
  regions?: readonly Region[];
}

/** [x, y, width, height] in the photo's pixels; stacked regions must share their width. */
export type Region = readonly [number, number, number, number];

const BACKGROUND = '0x1d3557';

export interface SlideshowOptions {
  width: number;
  height: number;
  fps: number;
  secondsPerPhoto: number;
  titleSeconds: number;
}

/** Writes `times` copies of a video one after the other (stream copy, no re-encoding): for memory benchmarks. */
export async function loopVideo(ffmpeg: Ffmpeg, input: string, output: string, times: number): Promise<void> {
  const { ffmpeg: command } = await ffmpeg.binaries();
  await runFfmpeg(command, ['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(times - 1), '-i', input, '-c', 'copy', output], 'could not repeat the video');
}

export async function composeSlideshow(ffmpeg: Ffmpeg, slides: readonly Slide[], output: string, options: SlideshowOptions): Promise<void> {
  const { ffmpeg: command } = await ffmpeg.binaries();
  const { width, height, fps, secondsPerPhoto, titleSeconds } = options;
  const frames = Math.round(secondsPerPhoto * fps);
  const inputs = ['-f', 'lavfi', '-t', String(titleSeconds), '-i', `color=c=${BACKGROUND}:s=${width}x${height}:r=${fps}`];
  for (const slide of slides) inputs.push('-i', slide.path);
  const chains = slides.map((slide, i) => {
    // A slow zoom from 1.0 to ~1.15 around the centre, at twice the size first so it stays smooth.
    const zoom = `zoompan=z='min(1+0.15*on/${frames},1.15)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${width}x${height}:fps=${fps}`;
    return `${slideSource(slide, i + 1, width * 2, height * 2)},${zoom},setsar=1,format=yuv420p[p${i}]`;
  });
  const concat = `[0:v]format=yuv420p,setsar=1[t];[t]${slides.map((_, i) => `[p${i}]`).join('')}concat=n=${slides.length + 1}:v=1:a=0[out]`;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', [...chains, concat].join(';'), '-map', '[out]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', output];
  await runFfmpeg(command, args, 'could not compose the sample video');
}

/** The filter chain that turns input `index` into one w×h picture (no trailing label). */
function slideSource(slide: Slide, index: number, w: number, h: number): string {
  const regions = slide.regions ?? [];
  if (regions.length === 0) return `[${index}:v]scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h}`;
  const fit = `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:color=${BACKGROUND}`;
  const crop = ([x, y, cw, ch]: Region) => `crop=${cw}:${ch}:${x}:${y}`;
  if (regions.length === 1) return `[${index}:v]${crop(regions[0]!)},${fit}`;
  const parts = regions.map((_, r) => `[s${index}_${r}]`);
  const cuts = regions.map((region, r) => `${parts[r]}${crop(region)}[c${index}_${r}]`);
  const stacked = regions.map((_, r) => `[c${index}_${r}]`).join('');
  return `[${index}:v]split=${regions.length}${parts.join('')};${cuts.join(';')};${stacked}vstack=inputs=${regions.length},${fit}`;
}

function runFfmpeg(ffmpeg: string, args: string[], what: string): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', (error) => reject(new OnscreenError('ffmpeg_missing', `ffmpeg could not be started: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new OnscreenError('internal', `ffmpeg ${what}: ${stderr.trim().split('\n').at(-1) ?? `exit ${code}`}`));
    });
  });
}
