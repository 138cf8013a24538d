/**
 * The speaking-time part of an analysis: where someone speaks (the voice model over the sound), the
 * speech cut at the shot cuts, and who is seen speaking in each piece. A video without sound, or with
 * no speech in it, gets an empty list and says which. Voices are grouped by a later step (`voices`
 * stays empty and each piece's `voice` null until then).
 */
import type { Analysis, SoundInfo, SpeechSegment } from '../../../../shared/src/analysis.js';
import type { VideoProbe } from '../../adapters/ffmpeg.adapter.js';
import type { PieceMouths } from '../../stages/speech/name-by-voice.js';
import { cutSegments } from '../../stages/speech/split-at-cuts.js';
import { totalSeconds } from '../../stages/speech/speech-segments.js';
import { trackPaths } from '../../stages/speech/track-paths.js';
import { findSpeakers } from './find-speakers.js';
import { findSpeech } from './find-speech.js';
import type { Engine } from '../engine.js';
import type { StageClock } from './stage-clock.js';

export type SpeechPart = Required<Pick<Analysis, 'sound' | 'speech' | 'voices'>> & {
  /** The mouths judged in each piece (not part of the analysis): the voices step names more speech with them. */
  mouths: PieceMouths[];
};

export interface SpeechInput {
  path: string;
  video: VideoProbe;
  faces: Analysis['faces'];
  tracks: Analysis['tracks'];
  cuts: readonly number[];
  /** A face's 68 landmarks from the faces stage (by face id), when it has them. */
  landmarks: (face: number) => ArrayLike<number> | null;
}

export async function analyzeSpeech(engine: Engine, input: SpeechInput, clock: StageClock, signal?: AbortSignal): Promise<SpeechPart> {
  const found = await clock.time('speech.vad', () => findSpeech(engine, input.path, signal ? { signal } : {}));
  const pieces = cutSegments(found.segments, input.cuts);
  if (!found.hasSound || pieces.length === 0) return { sound: soundOf(found.hasSound, 0), speech: [], voices: [], mouths: [] };
  const loudness = { values: found.loudness, windowSeconds: found.windowSeconds };
  const paths = trackPaths(input.tracks, input.faces, input.cuts, input.landmarks);
  const { speakers, mouths } = await clock.time('speech.mouths', () => findSpeakers(engine, input.path, input.video, pieces, paths, loudness, signal));
  const speech: SpeechSegment[] = pieces.map(([start, end], i) => ({ start, end, voice: null, ...speakers[i]! }));
  return { sound: soundOf(true, totalSeconds(pieces)), speech, voices: [], mouths };
}

function soundOf(hasSound: boolean, speechSeconds: number): SoundInfo {
  const status = !hasSound ? 'none' : speechSeconds > 0 ? 'speech' : 'no-speech';
  return { status, speechSeconds: Math.round(speechSeconds * 1000) / 1000 };
}
