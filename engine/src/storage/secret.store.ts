/** The server's signing secret: from the configuration, or generated once into the data folder. */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadOrCreateSecret(dataDir: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  const path = join(dataDir, 'secret');
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
