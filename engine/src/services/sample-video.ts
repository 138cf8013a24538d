/**
 * The bundled sample: a 35-second clip composed at install time from the MIT-licensed group
 * photos in @vladmandic/face-api (the same package the gender model comes from). Nothing from
 * ../shared/eval is ever used for it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OnscreenError } from '../../../shared/src/errors.js';
import { readManifest } from '../adapters/models/manifest.js';
import { composeSlideshow } from '../adapters/ffmpeg-compose.adapter.js';
import { extractMembers, packPackage } from '../../../models/package-source.js';

const PACKAGE = '@vladmandic/face-api';
const PHOTOS = [1, 2, 3, 4, 5, 6].map((n) => `package/demo/sample${n}.jpg`);
export const SAMPLE_DIR = fileURLToPath(new URL('../../../samples', import.meta.url));
export const SAMPLE_VIDEO = join(SAMPLE_DIR, 'group-photos.mp4');

/** Makes samples/group-photos.mp4 unless it exists; returns its path. */
export async function ensureSampleVideo(log: (line: string) => void): Promise<string> {
  if (existsSync(SAMPLE_VIDEO)) return SAMPLE_VIDEO;
  const manifest = await readManifest();
  const source = manifest.sources.find((s) => s.package === PACKAGE);
  if (!source) throw new OnscreenError('models_missing', `models/manifest.json does not list ${PACKAGE}.`);
  log(`Composing the sample video from the photos in ${PACKAGE}@${source.version} (MIT)…`);
  const work = await mkdtemp(join(tmpdir(), 'onscreen-sample-'));
  try {
    const tarball = await packPackage(PACKAGE, source.version, work);
    const digest = createHash('sha256').update(await readFile(tarball)).digest('hex');
    if (digest !== source.sha256) throw new OnscreenError('models_corrupt', `${PACKAGE}@${source.version} does not match its checksum.`);
    await extractMembers(tarball, PHOTOS, work);
    await mkdir(SAMPLE_DIR, { recursive: true });
    const partial = `${SAMPLE_VIDEO}.partial.mp4`;
    await composeSlideshow(PHOTOS.map((p) => join(work, p)), partial, { width: 1280, height: 720, fps: 25, secondsPerPhoto: 5, titleSeconds: 2 });
    await rename(partial, SAMPLE_VIDEO);
    return SAMPLE_VIDEO;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
