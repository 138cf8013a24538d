/**
 * `embeddings.json` in the analysis folder: one face signature per track (the quality-weighted mean
 * direction of its best faces' 512-number embeddings, the same vector the clustering compares).
 * Kept only so that the people a person tags can be added to a people library, and recognised in
 * later videos (issue 9). Faces are biometric data: this file holds the least that needs (one vector
 * per track, no per-face vectors) and goes with the analysis folder when it is deleted.
 * JSON-safe (vectors as base64 little-endian float32), so it travels through IPC and Redis as is.
 */
import { OnscreenError } from '../../../../shared/src/errors.js';
import { EMBEDDINGS_SCHEMA_VERSION, type TrackEmbeddings } from '../../contracts/track-embeddings.js';

export type { TrackEmbeddings };

export function encodeTrackEmbeddings(model: string, vectors: readonly Float32Array[]): TrackEmbeddings {
  const dimension = vectors[0]?.length ?? 0;
  return { schemaVersion: EMBEDDINGS_SCHEMA_VERSION, model, dimension, tracks: vectors.map(encodeVector) };
}

/** The vectors by track id; throws `analysis_incompatible` for a file this version cannot read. */
export function decodeTrackEmbeddings(file: unknown, where: string): { model: string; vectors: Float32Array[] } {
  const f = file as Partial<TrackEmbeddings> | null;
  if (f?.schemaVersion !== EMBEDDINGS_SCHEMA_VERSION || typeof f.model !== 'string' || !Array.isArray(f.tracks) || typeof f.dimension !== 'number') {
    throw new OnscreenError('analysis_incompatible', `${where} is not a face-signature file this onscreen can read. Run \`onscreen analyze\` again.`);
  }
  const vectors = f.tracks.map((text) => decodeVector(text));
  if (vectors.some((v) => v.length !== f.dimension)) throw new OnscreenError('analysis_incompatible', `${where} is damaged (a vector of the wrong length).`);
  return { model: f.model, vectors };
}

export function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function decodeVector(text: unknown): Float32Array {
  if (typeof text !== 'string') return new Float32Array(0);
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.byteLength - (bytes.byteLength % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}
