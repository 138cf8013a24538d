/**
 * The sound's part of an analysis (issue 14), as one call from analyze-video: speech found by the
 * voice model, then grouped into voices. Until the speaking-person step (who is seen speaking)
 * lands, every segment is passed on with `person: null`; that step slots in between the two
 * calls, giving each segment its person before `findVoices` links voices to people.
 */
import type { SoundInfo, SpeechSegment, Voice } from '../../../../shared/src/analysis.js';
import { totalSeconds } from '../../stages/speech/speech-segments.js';
import { findSpeech } from './find-speech.js';
import { findVoices } from './find-voices.js';
import type { StageClock } from './stage-clock.js';
import type { Engine } from '../engine.js';

export interface Heard {
  sound: SoundInfo;
  speech: SpeechSegment[];
  voices: Voice[];
  voiceSamples: Map<string, Buffer>;
}

export async function hearVoices(engine: Engine, path: string, options: { cuts: readonly number[]; scratchDir: string; clock: StageClock; signal?: AbortSignal }): Promise<Heard> {
  const { clock, signal } = options;
  const found = await clock.time('speech', () => findSpeech(engine, path, signal ? { signal } : {}));
  const segments = found.segments.map(([start, end]): SpeechSegment => ({ start, end, voice: null, person: null, confidence: null }));
  const voices = await clock.time('voices', () => findVoices(engine, path, segments, { cuts: options.cuts, scratchDir: options.scratchDir, ...(signal ? { signal } : {}) }));
  const speechSeconds = Math.round(totalSeconds(found.segments) * 1000) / 1000;
  const status = !found.hasSound ? 'none' : found.segments.length === 0 ? 'no-speech' : 'speech';
  return { sound: { status, speechSeconds }, speech: voices.speech, voices: voices.voices, voiceSamples: voices.samples };
}
