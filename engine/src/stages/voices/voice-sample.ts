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

export interface Span {
  start: number;
  end: number;
}

/**
 * The spans to cut, in time order, played one after the other; none when the voice has no piece.
 * The clearest piece first (pieces of at least `minSeconds` before shorter ones); when it is
 * shorter than `minSeconds`, the next clearest are added until the sample is long enough.
 */
export function chooseSample(pieces: readonly SamplePiece[], settings: SampleSettings = SAMPLE_SETTINGS): Span[] {
  const score = (piece: SamplePiece) => {
    const seconds = piece.end - piece.start;
    const clarity = piece.summary.voicedShare * Math.min(seconds, settings.maxSeconds) + (piece.summary.meanLoudness > 0 ? 0.1 : 0);
    return (seconds >= settings.minSeconds ? 1000 : 0) + clarity;
  };
  const spans: Span[] = [];
  let total = 0;
  for (const piece of [...pieces].sort((a, b) => score(b) - score(a))) {
    if (total >= settings.minSeconds) break;
    const seconds = Math.min(settings.maxSeconds - total, piece.end - piece.start);
    const middle = (piece.start + piece.end) / 2;
    spans.push({ start: round3(middle - seconds / 2), end: round3(middle + seconds / 2) });
    total += seconds;
  }
  return spans.sort((a, b) => a.start - b.start);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
