/**
 * Writes a file so that readers see the old content or the new, never half of it: the data goes to
 * a temporary file beside the target, which is then renamed over it. An interrupted write leaves
 * no partial file under the final name.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.partial-${randomBytes(6).toString('hex')}-${basename(path)}`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
