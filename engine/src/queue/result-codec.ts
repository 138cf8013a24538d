/** An analysis result as it travels through Redis: JSON, with thumbnails and voice samples as base64. */
import type { Analysis } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import type { TrackEmbeddings } from '../stages/people/track-embeddings.js';

export interface SerializedResult {
  analysis: Analysis;
  thumbnails: Record<string, string>;
  /** Absent from older workers' results. */
  voiceSamples?: Record<string, string>;
  embeddings?: TrackEmbeddings;
}

export function serializeResult(result: AnalysisResult): SerializedResult {
  return {
    analysis: result.analysis,
    thumbnails: toBase64(result.thumbnails),
    ...(result.voiceSamples ? { voiceSamples: toBase64(result.voiceSamples) } : {}),
    ...(result.embeddings ? { embeddings: result.embeddings } : {}),
  };
}

export function deserializeResult(value: unknown): AnalysisResult {
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<SerializedResult> | null;
  if (!parsed || typeof parsed.analysis !== 'object' || typeof parsed.thumbnails !== 'object' || parsed.thumbnails === null) {
    throw new OnscreenError('internal', 'A worker returned a result in an unknown shape.');
  }
  if (parsed.voiceSamples !== undefined && (typeof parsed.voiceSamples !== 'object' || parsed.voiceSamples === null)) {
    throw new OnscreenError('internal', 'A worker returned voice samples in an unknown shape.');
  }
  return {
    analysis: parsed.analysis,
    thumbnails: fromBase64(parsed.thumbnails),
    ...(parsed.voiceSamples ? { voiceSamples: fromBase64(parsed.voiceSamples) } : {}),
    ...(parsed.embeddings ? { embeddings: parsed.embeddings } : {}),
  };
}

function toBase64(files: ReadonlyMap<string, Buffer>): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [path, bytes] of files) encoded[path] = bytes.toString('base64');
  return encoded;
}

function fromBase64(encoded: Record<string, string>): Map<string, Buffer> {
  return new Map(Object.entries(encoded).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
}
