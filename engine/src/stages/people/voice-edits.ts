/**
 * The voice side of the tagging history (issue 14): voices tagged by ear, and corrections of who
 * speaks in a span. Replayed with the people's edits (stages/people/edits.ts), so undo and redo
 * take back a voice tag or a speaker correction like any tag.
 */
import { type Analysis, type Edit, VOICE_TAGS, type VoiceTag } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { formatClock, formatSpan } from '../../../../shared/src/format/clock.js';

export type VoiceEdit = Extract<Edit, { kind: 'tag-voice' | 'speaker' }>;

export interface VoiceTagRecord {
  tag: VoiceTag;
  by: string;
  onBehalfOf: string | null;
  at: string;
}

/** A correction: in [start, end] the speaker is `person` (an id after edits), or nobody seen (null). */
export interface SpeakerSpan {
  start: number;
  end: number;
  person: number | null;
}

export interface VoiceState {
  tags: ReadonlyMap<string, VoiceTagRecord>;
  /** Oldest first: a later span wins where two overlap. */
  speakers: readonly SpeakerSpan[];
}

export const NO_VOICE_EDITS: VoiceState = { tags: new Map(), speakers: [] };

export function isVoiceEdit(edit: Edit): edit is VoiceEdit {
  return edit.kind === 'tag-voice' || edit.kind === 'speaker';
}

/** What is wrong with the edit's own fields, or null. */
export function checkVoiceShape(edit: VoiceEdit): OnscreenError | null {
  const bad = (message: string): OnscreenError => new OnscreenError('bad_request', message);
  if (edit.kind === 'tag-voice') {
    if (typeof edit.voice !== 'string' || !/^v\d+$/.test(edit.voice)) return bad(`A voice is named v0, v1, …; "${String(edit.voice)}" is not.`);
    return VOICE_TAGS.includes(edit.tag) ? null : bad(`Unknown voice tag "${String(edit.tag)}"; use one of ${VOICE_TAGS.join(', ')}.`);
  }
  if (!Number.isFinite(edit.start) || !Number.isFinite(edit.end) || edit.start < 0 || edit.end <= edit.start) {
    return bad('A speaker correction needs a span with 0 ≤ start < end, in seconds.');
  }
  return edit.person === null || Number.isInteger(edit.person) ? null : bad('The speaker must be a person number, or null for off screen.');
}

/** What makes the edit impossible on this analysis and these people, or null. */
export function checkVoiceAgainst(analysis: Analysis, hasPerson: (id: number) => boolean, edit: VoiceEdit): OnscreenError | null {
  if (edit.kind === 'tag-voice') {
    if ((analysis.voices ?? []).some((v) => v.id === edit.voice)) return null;
    return new OnscreenError('voice_unknown', `There is no voice ${edit.voice} in this analysis.`);
  }
  if (edit.person !== null && !hasPerson(edit.person)) return new OnscreenError('cluster_unknown', `There is no person ${edit.person}.`);
  const span = formatSpan(edit.start, edit.end);
  const { duration } = analysis.video;
  if (edit.start >= duration) {
    return new OnscreenError('bad_request', `The span ${span} starts after the video ends (it is ${formatClock(duration)} long): give times within it.`);
  }
  const speech = analysis.speech ?? [];
  if (!speech.some((s) => s.end > edit.start && s.start < edit.end)) {
    return new OnscreenError('bad_request', `No speech was found between ${span}: there is nobody to correct there.`);
  }
  return null;
}

/** The state after the edit, or the same object when it changes nothing (a repeated request). */
export function applyVoiceEdit(state: VoiceState, edit: VoiceEdit): VoiceState {
  if (edit.kind === 'tag-voice') {
    if (state.tags.get(edit.voice)?.tag === edit.tag) return state;
    const tags = new Map(state.tags);
    tags.set(edit.voice, { tag: edit.tag, by: edit.by, onBehalfOf: edit.onBehalfOf ?? null, at: edit.at });
    return { ...state, tags };
  }
  const last = state.speakers.at(-1);
  if (last && last.start === edit.start && last.end === edit.end && last.person === edit.person) return state;
  return { ...state, speakers: [...state.speakers, { start: edit.start, end: edit.end, person: edit.person }] };
}

/** After person `from` is merged into `into`, corrections that named `from` name `into`. */
export function renameSpeaker(state: VoiceState, from: number, into: number): VoiceState {
  if (!state.speakers.some((s) => s.person === from)) return state;
  return { ...state, speakers: state.speakers.map((s) => (s.person === from ? { ...s, person: into } : s)) };
}
