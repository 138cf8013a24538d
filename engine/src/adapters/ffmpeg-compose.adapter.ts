/**
 * Composes a broadcast-like clip from still photos with ffmpeg: each photo shown with a slow
 * zoom, hard cuts between them, a title card with no faces at the start. Used to make the
 * bundled demo video at install time from MIT-licensed photos (no third-party footage shipped).
 */
import { spawn } from 'node:child_process';
import { OnscreenError } from '../../../shared/src/errors.js';
import { findFfmpeg } from './ffmpeg.adapter.js';

export interface SlideshowOptions {
  width: number;
  height: number;
  fps: number;
  secondsPerPhoto: number;
  titleSeconds: number;
}

/** Writes `times` copies of a video one after the other (stream copy, no re-encoding): for memory benchmarks. */
export async function loopVideo(input: string, output: string, times: number): Promise<void> {
  const { ffmpeg } = await findFfmpeg();
  await runFfmpeg(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(times - 1), '-i', input, '-c', 'copy', output], 'could not repeat the video');
}

export async function composeSlideshow(photos: readonly string[], output: string, options: SlideshowOptions): Promise<void> {
  const { ffmpeg } = await findFfmpeg();
  const { width, height, fps, secondsPerPhoto, titleSeconds } = options;
  const frames = Math.round(secondsPerPhoto * fps);
  const inputs = ['-f', 'lavfi', '-t', String(titleSeconds), '-i', `color=c=0x1d3557:s=${width}x${height}:r=${fps}`];
  for (const photo of photos) inputs.push('-i', photo);
  const chains = photos.map((_, i) => {
    // Scale to cover the frame, then zoom slowly from 1.0 to ~1.15 around the centre.
    const cover = `scale=${width * 2}:${height * 2}:force_original_aspect_ratio=increase,crop=${width * 2}:${height * 2}`;
    const zoom = `zoompan=z='min(1+0.15*on/${frames},1.15)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${width}x${height}:fps=${fps}`;
    return `[${i + 1}:v]${cover},${zoom},setsar=1,format=yuv420p[p${i}]`;
  });
  const concat = `[0:v]format=yuv420p,setsar=1[t];[t]${photos.map((_, i) => `[p${i}]`).join('')}concat=n=${photos.length + 1}:v=1:a=0[out]`;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', [...chains, concat].join(';'), '-map', '[out]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', output];
  await runFfmpeg(ffmpeg, args, 'could not compose the sample video');
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
