/**
 * `embeddings.json` in the analysis folder, as it is written and as it travels with a worker's
 * result (JSON-safe): one face signature per track, for a people library. See
 * stages/people/track-embeddings.ts for what is kept and why.
 */
export const EMBEDDINGS_SCHEMA_VERSION = 1;

export interface TrackEmbeddings {
  schemaVersion: number;
  /** The embedding model's id: vectors of different models are not comparable. */
  model: string;
  dimension: number;
  /** By track id: base64 of `dimension` float32 values (L2-normalised). */
  tracks: string[];
}
