/**
 * The only door to onnxruntime-node. Sessions are created lazily, once per model, after the file's
 * checksum has been checked against models/manifest.json (once per path).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { OnscreenError } from '../../../shared/src/errors.js';
import { DEFAULT_MODELS_DIR, MODEL_IDS, getModelEntry, readManifest, type ModelId } from './models/manifest.js';
import { checkModelFile, type ModelStatus } from './models/status.js';

export type { ModelId } from './models/manifest.js';
export type { ModelStatus } from './models/status.js';

/** A float32 tensor as plain data, so that callers never see onnxruntime types. */
export interface TensorData {
  data: Float32Array;
  dims: readonly number[];
}

/** An int64 input (the voice model's sample rate), as plain data. */
export interface Int64TensorData {
  data: BigInt64Array;
  dims: readonly number[];
}

export interface OnnxSettings {
  /** Folder holding the model files (config passes ONSCREEN_MODELS_DIR); default models/weights. */
  modelsDir?: string | undefined;
  /** Threads per session, for every model; by default each model's own (see `threadsFor`). */
  intraOpNumThreads?: number | undefined;
}

/**
 * One inference thread per core, up to 4 (beyond that these small networks gain little). The threads
 * sleep between runs instead of spinning: spinning threads fought ffmpeg for the cores and made a
 * whole analysis twice as slow, while sleeping ones made it 10-15% faster than one thread on 2 cores.
 */
export function defaultIntraOpThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Models whose runs are too small to gain from a second thread (issue 12): the detector's 320x240
 * views and the landmarks' 112x112 crops spend more time handing work between threads than
 * computing, and one thread each leaves the other core to ffmpeg and to the other analysis steps.
 * The embedder and age-gender networks are bigger and keep one thread per core.
 */
const SINGLE_THREADED: ReadonlySet<ModelId> = new Set<ModelId>(['detector', 'landmarks']);

/** Threads of one model's session: the configured count for every model, else the model's own. */
export function threadsFor(id: ModelId, configured: number | undefined): number {
  if (configured !== undefined) return configured;
  return SINGLE_THREADED.has(id) ? 1 : defaultIntraOpThreads();
}

/**
 * The models of one process, on its settings: each composition root makes one and hands it down.
 * Sessions are created lazily, once per model, and shared after.
 */
export class OnnxModels {
  /** Folder holding the model files. */
  readonly dir: string;
  private readonly intraOpNumThreads: number | undefined;
  private readonly sessions = new Map<ModelId, Promise<ort.InferenceSession>>();
  private readonly verifiedPaths = new Set<string>();

  constructor(settings: OnnxSettings = {}) {
    if (settings.intraOpNumThreads !== undefined && (!Number.isInteger(settings.intraOpNumThreads) || settings.intraOpNumThreads < 1)) {
      throw new Error(`intraOpNumThreads must be a positive integer, got ${settings.intraOpNumThreads}`);
    }
    this.dir = settings.modelsDir ?? DEFAULT_MODELS_DIR;
    this.intraOpNumThreads = settings.intraOpNumThreads;
  }

  /** The session for a model, created on first use and shared after. A failed load is not cached. */
  load(id: ModelId): Promise<ort.InferenceSession> {
    let session = this.sessions.get(id);
    if (!session) {
      session = this.createSession(id);
      this.sessions.set(id, session);
      session.catch(() => this.sessions.delete(id));
    }
    return session;
  }

  /** Runs a model on float32 (or int64) feeds and returns every output as plain float32 data. */
  async run(id: ModelId, feeds: Record<string, TensorData | Int64TensorData>): Promise<Record<string, TensorData>> {
    const session = await this.load(id);
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) {
      inputs[name] = t.data instanceof BigInt64Array ? new ort.Tensor('int64', t.data, [...t.dims]) : new ort.Tensor('float32', t.data, [...t.dims]);
    }
    const outputs = await session.run(inputs);
    const result: Record<string, TensorData> = {};
    for (const [name, t] of Object.entries(outputs)) {
      if (t.type !== 'float32') throw new Error(`${id} model output ${name} is ${t.type}, expected float32`);
      result[name] = { data: t.data as Float32Array, dims: t.dims };
    }
    return result;
  }

  /** Per-model state of the files in the models folder (for `onscreen models status`). Hashes every file. */
  async verify(): Promise<ModelStatus[]> {
    const manifest = readManifest();
    return Promise.all(MODEL_IDS.map((id) => checkModelFile(manifest.models.find((m) => m.id === id)!, this.dir)));
  }

  /** Releases every open session (tests, shutdown). */
  async release(): Promise<void> {
    const open = [...this.sessions.values()];
    this.sessions.clear();
    this.verifiedPaths.clear();
    for (const session of open) await session.then((s) => s.release()).catch(() => undefined);
  }

  private async verifyModelFile(id: ModelId): Promise<string> {
    const entry = getModelEntry(id);
    const known = join(this.dir, entry.file);
    if (this.verifiedPaths.has(known)) return known;
    const status = await checkModelFile(entry, this.dir);
    if (status.state === 'missing') {
      throw new OnscreenError('models_missing', `The ${id} model is not installed (${status.path}). Run \`npx onscreen models fetch\`.`);
    }
    if (status.state === 'corrupt') {
      throw new OnscreenError('models_corrupt', `The ${id} model (${status.path}) does not match its checksum. Run \`npx onscreen models fetch\` again.`);
    }
    this.verifiedPaths.add(status.path);
    return status.path;
  }

  private async createSession(id: ModelId): Promise<ort.InferenceSession> {
    const path = await this.verifyModelFile(id);
    return ort.InferenceSession.create(path, {
      intraOpNumThreads: threadsFor(id, this.intraOpNumThreads),
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      executionProviders: ['cpu'],
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
  }
}
