/**
 * Who speaks, in words, the same on every surface that shows it (the tagging page, the popup,
 * Slack): runs of one speaker, a span's line, the speaker's name, each person's speaking time, a
 * voice's weak suggestion and "no speech found" (issue 14). Pure: no DOM, no clock.
 */
import type { VoiceSuggestion } from '../analysis.js';
import type { SpeechSpan } from '../api/types.js';
import { formatSpan } from './clock.js';
import { describeSuggestion } from '../ui/format.js';
import { formatDuration } from './duration.js';

/** Consecutive speech of one speaker: one line to read and correct. */
export interface SpeakerRun {
  start: number;
  end: number;
  person: number | null;
  /** The voices heard in the run, in order of first appearance. */
  voices: string[];
  /** Seconds of speech in the run (gaps between its segments left out). */
  seconds: number;
}

/** Runs of the same speaker, in time order: consecutive segments of one person, or of off screen, make one run. */
export function speakerRuns(speech: readonly SpeechSpan[]): SpeakerRun[] {
  const runs: SpeakerRun[] = [];
  for (const span of [...speech].sort((a, b) => a.start - b.start)) {
    let run = runs.at(-1);
    if (run?.person !== span.person) runs.push((run = { start: span.start, end: span.end, person: span.person, voices: [], seconds: 0 }));
    run.end = Math.max(run.end, span.end);
    run.seconds += span.end - span.start;
    if (span.voice !== null && !run.voices.includes(span.voice)) run.voices.push(span.voice);
  }
  return runs;
}

/** Said wherever the speech or the voices would be listed and there are none. */
export const NO_SPEECH_FOUND = 'No speech found in the sound.';

/** The choice that means "nobody seen is speaking". */
export const OFF_SCREEN_LABEL = 'Off screen';

/** "Person 3", or "off screen" for speech nobody seen was speaking. */
export function describeSpeaker(person: number | null): string {
  return person === null ? 'off screen' : `Person ${person}`;
}

/** A speaker to choose in a correction menu: "Person 3", with the name a person gave ("Person 3 (Ada)"). */
export function speakerOption(person: { id: number; name: string | null }): string {
  return person.name ? `Person ${person.id} (${person.name})` : `Person ${person.id}`;
}

/** The parts of one run's line: its span, the speaker, and how much speech with which voices. */
export function describeRunParts(run: SpeakerRun): { span: string; who: string; detail: string } {
  const voices = run.voices.length === 0 ? '' : `, voice ${run.voices.join(', ')}`;
  return { span: formatSpan(run.start, run.end), who: describeSpeaker(run.person), detail: `${formatDuration(run.seconds)}${voices}` };
}

/** One run in one line: "0:06–0:08 · off screen · 2 s, voice v2". */
export function describeRun(run: SpeakerRun): string {
  const { span, who, detail } = describeRunParts(run);
  return `${span} · ${who} · ${detail}`;
}

/** A person's speaking time beside their screen time: "12 s speaking", "not seen speaking". */
export function describeSpeakingTime(seconds: number): string {
  return seconds > 0 ? `${formatDuration(seconds)} speaking` : 'not seen speaking';
}

/** A voice's suggestion with its confidence (a gender, or "not speech" for held notes), always flagged as the weak cue it is. */
export function describeVoiceSuggestion(suggestion: VoiceSuggestion | null): string {
  const described = describeSuggestion(suggestion);
  return described ? `${described} (a weak cue from pitch and spectrum)` : 'No suggestion (too little speech)';
}
