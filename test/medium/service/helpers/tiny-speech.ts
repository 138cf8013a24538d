/**
 * The tiny analysis (tiny-analysis.ts) with speech and voices (issue 14), and the voices' samples
 * beside it. Person 0 is seen 0.25–2.75 s and 5.25–6.75 s, person 1 2.25–5.75 s, person 2 7.75–8.75 s.
 *   0.5–2.5  v0, person 0 seen speaking     3–5  v1, person 1 seen speaking     6–8  v2, off screen
 */
import type { AnalysisResult } from '../../../../engine/src/contracts/analysis-result.js';
import type { Voice } from '../../../../shared/src/analysis.js';
import { makeTinyAnalysis } from './tiny-analysis.js';

const voice = (id: string, seconds: number, person: number | null, firstAt: number, gender: 'female' | 'male'): Voice => ({
  id, seconds, person, firstAt, pitchHz: gender === 'female' ? 205 : 120, suggestion: { gender, confidence: 0.62 }, sample: `voices/${id}.m4a`,
});

/** `sample`: the bytes of each voice's sample (any audio the test wants served). */
export function makeTinySpokenAnalysis(source: string, sample: Buffer): AnalysisResult {
  const result = makeTinyAnalysis(source);
  const voices = [voice('v0', 2, 0, 0.5, 'female'), voice('v1', 2, 1, 3, 'male'), voice('v2', 2, null, 6, 'female')];
  for (const v of voices) result.thumbnails.set(v.sample!, sample);
  return {
    ...result,
    analysis: {
      ...result.analysis,
      sound: { status: 'speech', speechSeconds: 6 },
      speech: [
        { start: 0.5, end: 2.5, voice: 'v0', person: 0, confidence: 0.9 },
        { start: 3, end: 5, voice: 'v1', person: 1, confidence: 0.8 },
        { start: 6, end: 8, voice: 'v2', person: null, confidence: null },
      ],
      voices,
    },
  };
}
