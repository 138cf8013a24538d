/** An analysis result as it travels through Redis: JSON, with thumbnails as base64. */
import type { Analysis } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';

export interface SerializedResult {
  analysis: Analysis;
  thumbnails: Record<string, string>;
}

export function serializeResult(result: AnalysisResult): SerializedResult {
  const thumbnails: Record<string, string> = {};
  for (const [path, bytes] of result.thumbnails) thumbnails[path] = bytes.toString('base64');
  return { analysis: result.analysis, thumbnails };
}

export function deserializeResult(value: unknown): AnalysisResult {
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<SerializedResult> | null;
  if (!parsed || typeof parsed.analysis !== 'object' || typeof parsed.thumbnails !== 'object' || parsed.thumbnails === null) {
    throw new OnscreenError('internal', 'A worker returned a result in an unknown shape.');
  }
  const thumbnails = new Map<string, Buffer>();
  for (const [path, base64] of Object.entries(parsed.thumbnails)) thumbnails.set(path, Buffer.from(base64, 'base64'));
  return { analysis: parsed.analysis, thumbnails };
}
