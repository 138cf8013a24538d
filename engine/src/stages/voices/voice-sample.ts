/**
 * Where to cut a voice's sample, for tagging by ear: inside the piece of the voice that sounds
 * clearest (most voiced frames, loud enough), a few seconds from its middle. Never across the
 * piece's edges: the seconds beyond may be someone else. Pure.
 */
import type { VoiceSummary } from './voice-features.js';

export interface SampleSettings {
  /** Longest and preferred shortest sample, seconds. */
  maxSeconds: number;
  minSeconds: number;
}

export const SAMPLE_SETTINGS: SampleSettings = { maxSeconds: 6, minSeconds: 3 };

export interface SamplePiece {
  start: number;
  end: number;
  summary: VoiceSummary;
}

/** The span to cut, or null when the voice has no piece. Pieces of at least `minSeconds` come first. */
export function chooseSample(pieces: readonly SamplePiece[], settings: SampleSettings = SAMPLE_SETTINGS): { start: number; end: number } | null {
  let best: SamplePiece | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const piece of pieces) {
    const seconds = piece.end - piece.start;
    const isLongEnough = seconds >= settings.minSeconds;
    const clarity = piece.summary.voicedShare * Math.min(seconds, settings.maxSeconds) + (piece.summary.meanLoudness > 0 ? 0.1 : 0);
    const score = (isLongEnough ? 1000 : 0) + clarity;
    if (score > bestScore) [best, bestScore] = [piece, score];
  }
  if (!best) return null;
  const seconds = Math.min(settings.maxSeconds, best.end - best.start);
  const middle = (best.start + best.end) / 2;
  return { start: round3(middle - seconds / 2), end: round3(middle + seconds / 2) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
