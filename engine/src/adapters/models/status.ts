import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from './checksum.js';
import type { ModelEntry, ModelId } from './manifest.js';

export interface ModelStatus {
  id: ModelId;
  file: string;
  path: string;
  state: 'ok' | 'missing' | 'corrupt';
  expectedSha256: string;
  /** Absent when the file is missing. */
  actualSha256?: string;
  bytes?: number;
}

/** Compares one model file in `dir` with its manifest entry. */
export async function checkModelFile(entry: ModelEntry, dir: string): Promise<ModelStatus> {
  const path = join(dir, entry.file);
  const base = { id: entry.id, file: entry.file, path, expectedSha256: entry.sha256 };
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return { ...base, state: 'missing' };
  const actualSha256 = await hashFile(path);
  return { ...base, state: actualSha256 === entry.sha256 ? 'ok' : 'corrupt', actualSha256, bytes: info.size };
}
