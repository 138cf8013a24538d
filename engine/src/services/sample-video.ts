/**
 * The bundled sample: a 42-second clip of women and men, composed on first use from MIT-licensed
 * photos in npm packages: the group photos in @vladmandic/face-api (the package the gender model
 * comes from; they show only women) and faces cut from the screenshots of @vladmandic/human (men
 * and women). Nothing from ../shared/eval is ever used for it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OnscreenError } from '../../../shared/src/errors.js';
import { readManifest } from '../adapters/models/manifest.js';
import { composeSlideshow, type Region } from '../adapters/ffmpeg-compose.adapter.js';
import { extractMembers, packPackage } from '../../../models/package-source.js';
import type { Engine } from './engine.js';

interface SampleSlide {
  package: string;
  member: string;
  regions?: readonly Region[];
}

const FACE_API = '@vladmandic/face-api';
const HUMAN = '@vladmandic/human';
const SLIDES: readonly SampleSlide[] = [
  ...[1, 2, 3].map((n) => ({ package: FACE_API, member: `package/demo/sample${n}.jpg` })),
  // Five portraits (a man, four women) from the face-detection screenshot.
  { package: HUMAN, member: 'package/assets/screenshot-facedetect.jpg', regions: [[0, 342, 800, 160]] },
  ...[4, 5, 6].map((n) => ({ package: FACE_API, member: `package/demo/sample${n}.jpg` })),
  // A row of eighteen faces (men and women) from the face-matching screenshot, cut in two halves.
  { package: HUMAN, member: 'package/assets/screenshot-facematch.jpg', regions: [[0, 392, 960, 104], [960, 392, 960, 104]] },
];
export const SAMPLE_DIR = fileURLToPath(new URL('../../../samples', import.meta.url));
export const SAMPLE_VIDEO = join(SAMPLE_DIR, 'women-and-men.mp4');

/** Makes samples/women-and-men.mp4 unless it exists; returns its path. */
export async function ensureSampleVideo(engine: Engine, log: (line: string) => void): Promise<string> {
  if (existsSync(SAMPLE_VIDEO)) return SAMPLE_VIDEO;
  const work = await mkdtemp(join(tmpdir(), 'onscreen-sample-'));
  try {
    for (const name of new Set(SLIDES.map((s) => s.package))) {
      const members = SLIDES.filter((s) => s.package === name).map((s) => s.member);
      await extractPhotos(name, [...new Set(members)], work, log);
    }
    await mkdir(SAMPLE_DIR, { recursive: true });
    const partial = `${SAMPLE_VIDEO}.partial.mp4`;
    const slides = SLIDES.map((s) => ({ path: join(work, s.package, s.member), regions: s.regions }));
    await composeSlideshow(engine.ffmpeg, slides, partial, { width: 1280, height: 720, fps: 25, secondsPerPhoto: 5, titleSeconds: 2 });
    await rename(partial, SAMPLE_VIDEO);
    return SAMPLE_VIDEO;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Packs `name` at the version models/manifest.json pins, checks its sha256, extracts the photos into work/name/. */
async function extractPhotos(name: string, members: string[], work: string, log: (line: string) => void): Promise<void> {
  const manifest = await readManifest();
  const source = manifest.sources.find((s) => s.package === name);
  if (!source) throw new OnscreenError('models_missing', `models/manifest.json does not list ${name}.`);
  log(`Composing the sample video: photos from ${name}@${source.version} (MIT)…`);
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  const tarball = await packPackage(name, source.version, dir);
  const digest = createHash('sha256').update(await readFile(tarball)).digest('hex');
  if (digest !== source.sha256) throw new OnscreenError('models_corrupt', `${name}@${source.version} does not match its checksum.`);
  await extractMembers(tarball, members, dir);
}
