/**
 * Looks for what a deleted job may have left: every file under the given folders (the data
 * folder with its SQLite database and WAL, a worker's scratch folder) is read whole and searched
 * for the job id and other strings of the job (its title, file name); face crops, downloads
 * and folders named after the job are reported by name.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FACE_DATA = /^(face-crops\.rgb|download\b.*)$/;

export async function findTraces(roots: string[], needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const root of roots) {
    for (const dir of await listFolders(root)) for (const needle of needles) if (dir.includes(needle)) found.push(`${dir}/: named after ${needle}`);
    for (const path of await listFiles(root)) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (FACE_DATA.test(name)) found.push(`${path}: face data`);
      const bytes = await readFile(path).catch(() => null);
      for (const needle of needles) {
        if (path.includes(needle)) found.push(`${path}: named after ${needle}`);
        else if (bytes?.includes(Buffer.from(needle, 'utf8'))) found.push(`${path}: contains ${needle}`);
      }
    }
  }
  return found;
}

/** Every file under `root` (none if it does not exist). */
export async function listFiles(root: string): Promise<string[]> {
  return (await walk(root)).filter((e) => !e.isFolder).map((e) => e.path);
}

async function listFolders(root: string): Promise<string[]> {
  return (await walk(root)).filter((e) => e.isFolder).map((e) => e.path);
}

/** A hand-made walk: Node 20's recursive `readdir` with `withFileTypes` can hang. */
export async function walk(root: string): Promise<{ path: string; isFolder: boolean }[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const out: { path: string; isFolder: boolean }[] = [];
  for (const entry of entries) {
    const path = join(root, entry.name);
    out.push({ path, isFolder: entry.isDirectory() });
    if (entry.isDirectory()) out.push(...(await walk(path)));
  }
  return out;
}
