/**
 * The sound's part of an analysis (issue 14), as one call from analyze-video: speech found by the
 * voice model and cut at the shot cuts, each piece given to the person seen speaking it (or to
 * nobody seen), then the pieces grouped into voices, a voice heard while its person is seen
 * speaking linked to that person, and speech of a linked voice that the mouths left to nobody
 * given to that person where they are seen speaking it (stages/speech/name-by-voice.ts).
 */
import type { SoundInfo, SpeechSegment, Voice } from '../../../../shared/src/analysis.js';
import { analyzeSpeech, type SpeechInput } from './analyze-speech.js';
import { findVoices } from './find-voices.js';
import { nameByVoice } from '../../stages/speech/name-by-voice.js';
import type { StageClock } from './stage-clock.js';
import type { Engine } from '../engine.js';

export interface Heard {
  sound: SoundInfo;
  speech: SpeechSegment[];
  voices: Voice[];
  voiceSamples: Map<string, Buffer>;
}

export async function hearVoices(engine: Engine, input: SpeechInput, options: { scratchDir: string; clock: StageClock; signal?: AbortSignal }): Promise<Heard> {
  const { clock, signal } = options;
  const said = await clock.time('speech', () => analyzeSpeech(engine, input, clock, signal));
  if (said.speech.length === 0) return { sound: said.sound, speech: said.speech, voices: said.voices, voiceSamples: new Map() };
  const voices = await clock.time('voices', () => findVoices(engine, input.path, said.speech, { cuts: input.cuts, scratchDir: options.scratchDir, ...(signal ? { signal } : {}) }));
  // Speech the mouths left to nobody, given to the person its voice is linked to when they are seen speaking it.
  const speech = nameByVoice(voices.speech, new Map(voices.voices.map((v) => [v.id, v.person])), said.mouths);
  return { sound: said.sound, speech, voices: voices.voices, voiceSamples: voices.samples };
}
