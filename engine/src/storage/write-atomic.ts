/**
 * Writes a file so that readers see the old content or the new, never half of it: the data goes to
 * a temporary file beside the target, which is then renamed over it. An interrupted write leaves
 * no partial file under the final name. The file is 0600 and any folder made for it 0700, whatever
 * the umask: everything written here is about the people in a video.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './private-files.js';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const temporary = join(dirname(path), `.partial-${randomBytes(6).toString('hex')}-${basename(path)}`);
  try {
    await writeFile(temporary, data, { mode: PRIVATE_FILE_MODE });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
