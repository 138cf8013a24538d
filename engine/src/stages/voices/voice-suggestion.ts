/**
 * A guess at a voice's gender, deliberately modest. Pitch is the cue: the median pitch of the
 * voice's voiced frames against 165 Hz, on a log scale, with a gentle slope. It is a weak cue:
 * on our clips one woman's median was 151 Hz and men's ranged 94–145 Hz, so the slope is gentle
 * (151 Hz: 0.62 male; 185 Hz: 0.66 female; 159–171 Hz: no suggestion), and no voice gets more
 * than `maxConfidence` however low or high it is.
 * Spectral features (MFCCs, centroid, tilt) separate voices but, measured on
 * ../shared/eval/heard/dev, mostly follow the recording rather than the speaker's gender, so they
 * do not move the guess. Less confidence, too, for little speech or a pitch that wanders widely
 * (octave errors, singing). Pure.
 */
import type { Suggestion, VoiceSuggestion } from '../../../../shared/src/analysis.js';
import { semitonesOf, type VoiceSummary } from './voice-features.js';

export interface VoiceSuggestionSettings {
  /** The pitch at which the guess leans neither way, Hz. */
  pivotHz: number;
  /** Semitones of pitch per unit of log-odds: larger is more modest. */
  semitonesPerLogit: number;
  maxConfidence: number;
  /** Below this confidence there is no suggestion. */
  minConfidence: number;
  /** Voiced frames for full weight (fewer shrink the log-odds in proportion). */
  fullVoicedFrames: number;
  /** Pitch spread (interquartile range, semitones) beyond which the log-odds shrink. */
  maxSpreadSemitones: number;
}

export const VOICE_SUGGESTION_SETTINGS: VoiceSuggestionSettings = { pivotHz: 165, semitonesPerLogit: 3, maxConfidence: 0.8, minConfidence: 0.55, fullVoicedFrames: 300, maxSpreadSemitones: 8 };

export function suggestVoiceGender(voice: VoiceSummary, settings: VoiceSuggestionSettings = VOICE_SUGGESTION_SETTINGS): Suggestion | null {
  if (voice.pitchHz === null) return null;
  const semitones = semitonesOf(voice.pitchHz) - semitonesOf(settings.pivotHz);
  const amount = Math.min(1, voice.voicedFrames / settings.fullVoicedFrames);
  const steadiness = Math.min(1, settings.maxSpreadSemitones / Math.max(settings.maxSpreadSemitones, voice.pitchSpreadSemitones ?? 0));
  const female = 1 / (1 + Math.exp((-semitones / settings.semitonesPerLogit) * amount * steadiness));
  const confidence = Math.min(settings.maxConfidence, Math.max(female, 1 - female));
  if (confidence < settings.minConfidence) return null;
  return { gender: female > 0.5 ? 'female' : 'male', confidence: Math.round(confidence * 100) / 100 };
}

/**
 * "Not speech" for a music-like sound: most of its voiced frames in held notes (steadyShare, see
 * voice-features.ts). Speech glides: on heard/dev every speaker's pieces had 0-10% of their voiced
 * frames in held notes; a tone or a sung melody (with vibrato) has 100%. A chord has no single
 * pitch and is not caught. Suggested only, like a gender: a person decides.
 */
export interface NotSpeechSettings {
  /** Share of voiced frames in held notes from which the sound is suggested as not speech. */
  minSteadyShare: number;
  /** Voiced frames needed to judge (100: two seconds). */
  minVoicedFrames: number;
  minConfidence: number;
  maxConfidence: number;
}

export const NOT_SPEECH_SETTINGS: NotSpeechSettings = { minSteadyShare: 0.5, minVoicedFrames: 100, minConfidence: 0.55, maxConfidence: 0.8 };

/** The voice's suggestion: "not speech" when its sound is music-like, else a gender from pitch (or none). */
export function suggestVoice(voice: VoiceSummary, settings: NotSpeechSettings = NOT_SPEECH_SETTINGS): VoiceSuggestion | null {
  if (voice.voicedFrames >= settings.minVoicedFrames && voice.steadyShare >= settings.minSteadyShare) {
    const above = (voice.steadyShare - settings.minSteadyShare) / (1 - settings.minSteadyShare);
    const confidence = settings.minConfidence + (settings.maxConfidence - settings.minConfidence) * above;
    return { gender: 'not-speech', confidence: Math.round(confidence * 100) / 100 };
  }
  return suggestVoiceGender(voice);
}
