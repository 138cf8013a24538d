/**
 * Small analyses with face signatures for the library's tests: each "identity" is a random direction
 * in 512 dimensions (random directions are nearly orthogonal, like strangers' faces), and each track
 * of that identity is the direction plus a little noise (the same person in another shot).
 */
import type { Analysis } from '../../../shared/src/analysis.js';
import { encodeTrackEmbeddings, type TrackEmbeddings } from '../../../engine/src/stages/people/track-embeddings.js';
import { makeAnalysis, type FixtureSpec, type TrackSpec } from '../report/analysis-fixture.js';
import { random } from '../../fixtures/random.js';

export const MODEL = 'embedder:test';
const DIMENSION = 512;

function normalise(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** The face direction of identity `id`, plus noise of size `noise` drawn with `seed`. */
export function face(id: number, noise = 0, seed = 0): Float32Array {
  const base = random(1000 + id);
  const jitter = random(77 + seed * 7919 + id);
  return normalise(Float32Array.from({ length: DIMENSION }, () => base() - 0.5 + noise * (jitter() - 0.5)));
}

export interface SignedTrack extends TrackSpec {
  /** Who the track shows, and which shot of them (noise seed). */
  identity: number;
  shot?: number;
}

/** An analysis (as makeAnalysis) with one face signature per track. */
export function makeSignedAnalysis(spec: Omit<FixtureSpec, 'clusters'> & { clusters: SignedTrack[][]; createdAt?: string }): { analysis: Analysis; embeddings: TrackEmbeddings } {
  const analysis = makeAnalysis(spec);
  if (spec.createdAt) analysis.createdAt = spec.createdAt;
  const vectors = spec.clusters.flat().map((t, k) => face(t.identity, 0.6, (t.shot ?? 0) * 31 + k));
  return { analysis, embeddings: encodeTrackEmbeddings(MODEL, vectors) };
}
