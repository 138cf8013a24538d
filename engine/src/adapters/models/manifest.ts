/**
 * The model manifest (models/manifest.json): which artifacts onscreen uses, where they come from, their
 * checksums and their input/output contracts. Parsed with a schema so a hand-edited swap fails early and clearly.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const MODEL_IDS = ['detector', 'landmarks', 'embedder', 'age-gender', 'vad'] as const;
export type ModelId = (typeof MODEL_IDS)[number];
/** The models that look at faces (loaded together by the face analyzer); `vad` listens to the sound. */
export const FACE_MODEL_IDS = ['detector', 'landmarks', 'embedder', 'age-gender'] as const satisfies readonly ModelId[];

/** Where the manifest lives (with the code) and where weights go by default. */
export const MANIFEST_PATH = fileURLToPath(new URL('../../../../models/manifest.json', import.meta.url));
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../../../models/weights', import.meta.url));

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

const inputSchema = z.object({
  name: z.string().min(1),
  /** -1 marks a dynamic dimension (the batch). */
  shape: z.array(z.number().int()).min(1),
  layout: z.enum(['NCHW']),
  colour: z.enum(['RGB', 'BGR', 'grey']),
  /** For colour "grey": grey = r*R + g*G + b*B before normalisation. */
  greyWeights: z.tuple([z.number(), z.number(), z.number()]).optional(),
  /** value = (pixel - mean[c]) / std[c], pixel in 0..255; one entry per input channel. */
  normalisation: z.object({ mean: z.array(z.number()).min(1), std: z.array(z.number().positive()).min(1) }),
  /** What region of the frame is fed, and how it is resized. */
  crop: z.string().min(1),
});

/** A sound model's input: mono samples at a fixed rate, in fixed windows. */
const audioInputSchema = z.object({
  name: z.string().min(1),
  kind: z.literal('audio'),
  shape: z.array(z.number().int()).min(1),
  sampleRate: z.number().int().positive(),
  /** Samples per window. */
  window: z.number().int().positive(),
  crop: z.string().min(1),
});

const outputSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int()).min(1),
  meaning: z.string().min(1),
});

const modelSchema = z.object({
  id: z.enum(MODEL_IDS),
  task: z.string().min(1),
  source: z.object({
    package: z.string().min(1),
    version: z.string().min(1),
    files: z.array(z.string().startsWith('package/')).min(1),
    /**
     * How the final file is made from the source files: copied as is, copied with its batch
     * dimension freed (models/onnx-batch.ts), or built (models/age-gender.graph.ts).
     */
    build: z.enum(['copy', 'free-batch', 'age-gender-onnx']),
  }),
  file: z.string().regex(/^[\w.-]+$/, 'a plain file name under the models folder'),
  sha256,
  input: z.union([inputSchema, audioInputSchema]),
  outputs: z.array(outputSchema).min(1),
  licence: z.string().min(1),
  origin: z.string().min(1),
});

const sourceSchema = z.object({
  package: z.string().min(1),
  version: z.string().min(1),
  sha256,
  licence: z.string().min(1),
});

const manifestSchema = z.object({
  schema: z.literal(1),
  sources: z.array(sourceSchema).min(1),
  models: z.array(modelSchema).min(1),
});

export type ModelsManifest = z.infer<typeof manifestSchema>;
export type ModelEntry = z.infer<typeof modelSchema>;
export type InputContract = z.infer<typeof inputSchema>;
export type SourcePackage = z.infer<typeof sourceSchema>;

/** Checks the parts a schema cannot: unique ids and files, every model's source declared, every id present. */
function checkConsistency(manifest: ModelsManifest): void {
  const ids = manifest.models.map((m) => m.id);
  const files = manifest.models.map((m) => m.file);
  if (new Set(ids).size !== ids.length) throw new Error('models/manifest.json: a model id appears twice');
  if (new Set(files).size !== files.length) throw new Error('models/manifest.json: two models share a file');
  for (const id of MODEL_IDS) if (!ids.includes(id)) throw new Error(`models/manifest.json: no model "${id}"`);
  for (const m of manifest.models) {
    if (!manifest.sources.some((s) => s.package === m.source.package && s.version === m.source.version)) {
      throw new Error(`models/manifest.json: ${m.id} comes from ${m.source.package}@${m.source.version}, which is not in "sources"`);
    }
    if ('kind' in m.input) continue; // sound: no channels to normalise
    const channels = m.input.shape[1];
    if (m.input.normalisation.mean.length !== channels || m.input.normalisation.std.length !== channels) {
      throw new Error(`models/manifest.json: ${m.id} normalisation needs one mean and std per input channel`);
    }
  }
}

/** Parses and checks a manifest (the file's text); throws with the offending path on a bad edit. */
export function parseManifest(text: string): ModelsManifest {
  const result = manifestSchema.safeParse(JSON.parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`models/manifest.json is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`);
  }
  checkConsistency(result.data);
  return result.data;
}

let cached: ModelsManifest | undefined;

/** The project's manifest, read once. */
export function readManifest(): ModelsManifest {
  cached ??= parseManifest(readFileSync(MANIFEST_PATH, 'utf8'));
  return cached;
}

/** A face model's picture input (every model but the sound one has one). */
export function getImageInput(id: (typeof FACE_MODEL_IDS)[number]): InputContract {
  const { input } = getModelEntry(id);
  if ('kind' in input) throw new Error(`models/manifest.json: ${id} should take a picture`);
  return input;
}

export function getModelEntry(id: ModelId): ModelEntry {
  const entry = readManifest().models.find((m) => m.id === id);
  if (!entry) throw new Error(`models/manifest.json has no model "${id}"`);
  return entry;
}
