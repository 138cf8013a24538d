/**
 * A small analysis with speech and voices, worked out on paper (issue 14). 10 s at 2 samples/s:
 * person 0 has tracks 0 (0–1.5 s) and 1 (5–5.5 s), person 1 track 2 (2–3.5 s), person 2 track 3 (6–7.5 s).
 *   0–1.5   v0, person 0 seen speaking      5–5.5  v0, person 0 seen speaking
 *   2–3.5   v1, person 1 seen speaking      8–9    v3, off screen (music)
 *   4–5     v2, off screen (a voice-over)   9–9.5  v0, off screen (person 0's voice, not seen)
 */
import type { Analysis, SoundInfo, SpeechSegment, Voice } from '../../../shared/src/analysis.js';
import { makeAnalysis, range } from './analysis-fixture.js';

const voice = (id: string, seconds: number, person: number | null, firstAt: number): Voice => ({
  id, seconds, person, firstAt, pitchHz: 150, suggestion: { gender: 'female', confidence: 0.6 }, sample: `voices/${id}.m4a`,
});

export const SPEECH: SpeechSegment[] = [
  { start: 0, end: 1.5, voice: 'v0', person: 0, confidence: 0.9 },
  { start: 2, end: 3.5, voice: 'v1', person: 1, confidence: 0.8 },
  { start: 4, end: 5, voice: 'v2', person: null, confidence: null },
  { start: 5, end: 5.5, voice: 'v0', person: 0, confidence: 0.7 },
  { start: 8, end: 9, voice: 'v3', person: null, confidence: null },
  { start: 9, end: 9.5, voice: 'v0', person: null, confidence: null },
];

export const VOICES: Voice[] = [voice('v0', 2.5, 0, 0), voice('v1', 1.5, 1, 2), voice('v2', 1, null, 4), voice('v3', 1, null, 8)];

export function makeSpokenAnalysis(sound: SoundInfo = { status: 'speech', speechSeconds: 6 }, speech = SPEECH, voices = VOICES): Analysis {
  const analysis = makeAnalysis({
    duration: 10,
    clusters: [
      [{ samples: range(0, 4), female: 0.9 }, { samples: range(10, 2), female: 0.8 }],
      [{ samples: range(4, 4), female: 0.1 }],
      [{ samples: range(12, 4), female: null }],
    ],
  });
  return { ...analysis, sound, speech, voices };
}
