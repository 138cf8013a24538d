/**
 * Words, numbers and colours shared by every onscreen screen (tagging page, extension popup,
 * YouTube overlay). One place, so a woman is orange and "about 2 minutes left" reads the same everywhere.
 * Pure: no DOM, no clock.
 */
import type { Gender, Suggestion, Tag, TagOrigin, VoiceSuggestion } from '../analysis.js';
import type { JobStage, JobStatus } from '../api/types.js';
import type { Group } from '../report.js';
import { describeKnown, type Known } from '../library.js';
import { formatPercent } from '../format/percent.js';
import { COLOURS } from '../palette.js';

// The rules every surface shares live in their own pure modules; the UI reads them from here too.
export { formatClock } from '../format/clock.js';
export { formatDuration } from '../format/duration.js';
export { formatEta } from '../format/eta.js';
export { formatPercent, formatPercentRange } from '../format/percent.js';
export { COLOURS, GROUP_LABELS } from '../palette.js';

export function colourOf(tag: Tag | Group | null): string {
  if (tag === 'female' || tag === 'male' || tag === 'unknown') return COLOURS[tag];
  return COLOURS.notFace;
}

/** The words on the tag buttons. */
export const TAG_LABELS: Record<Tag, string> = {
  female: 'Female',
  male: 'Male',
  unknown: 'Unknown',
  'not-face': 'Not a face',
};

/** Keys that tag the focused person card. */
export const TAG_KEYS: Record<Tag, string> = { female: 'f', male: 'm', unknown: 'u', 'not-face': 'n' };

const GENDER_WORDS: Record<Gender, string> = { female: 'woman', male: 'man' };

const SUGGESTION_WORDS: Record<VoiceSuggestion['gender'], string> = { ...GENDER_WORDS, 'not-speech': 'not speech (music-like)' };

/** "Suggested: woman 92%" (a voice's may be "not speech (music-like)"), or null when there was nothing to go on. */
export function describeSuggestion(suggestion: Suggestion | VoiceSuggestion | null): string | null {
  if (!suggestion) return null;
  return `Suggested: ${SUGGESTION_WORDS[suggestion.gender]} ${formatPercent(suggestion.confidence)}`;
}

/** Who set a person's tag, in a few words; a tag from the people library says who it recognised. */
export function describeTagOrigin(tag: Tag | null, origin: TagOrigin | null, by: string | null, known: Known | null = null): string {
  if (tag === null) return 'Not tagged yet';
  const who = by ? ` by ${by}` : '';
  if (origin === 'library') return known ? describeKnown(known) : `Recognised from the library, tagged ${TAG_LABELS[tag]}${who}`;
  return origin === 'suggestion' ? `Suggestion accepted${who}` : `Tagged ${TAG_LABELS[tag]}${who}`;
}

/** The name a person carries in every onscreen screen and export (the charts, CSV and HTML say the same). */
export function personLabel(id: number): string {
  return `Person ${id}`;
}


const STAGE_LABELS: Record<JobStage, string> = {
  queued: 'Waiting to start',
  source: 'Getting the video',
  frames: 'Reading the frames',
  faces: 'Finding faces',
  tracks: 'Following faces from frame to frame',
  people: 'Grouping faces into people',
  report: 'Preparing the report',
  done: 'Done',
};

export function describeStage(stage: JobStage): string {
  return STAGE_LABELS[stage];
}

const STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Waiting',
  running: 'Analysing',
  tagging: 'Ready to tag',
  done: 'Finished',
  failed: 'Failed',
};

export function describeStatus(status: JobStatus): string {
  return STATUS_LABELS[status];
}

/** "1 person", "3 people". */
export function countPeople(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/**
 * A failure in a sentence a person can act on. OnscreenError (and anything shaped like it)
 * gives its own message and hint; anything else gets a generic line, never a stack.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { message, hint } = error as { message: unknown; hint?: unknown };
    const text = typeof message === 'string' && message ? message : 'Something went wrong.';
    return typeof hint === 'string' && hint ? `${text} ${hint}` : text;
  }
  return 'Something went wrong. Try again, and reload the page if it keeps happening.';
}
