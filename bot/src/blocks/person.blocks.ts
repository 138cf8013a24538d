/**
 * One person in a tagging message, in either layout: `full` (face, time on screen, suggestion,
 * who tagged, the four tag buttons, the merge menu and "More faces") or `compact` (one line with
 * the face and the tag buttons; the rest behind "Details"). Shared parts are used by the modal too.
 */
import type { types } from '@slack/bolt';
import type { PersonView, Tag } from '../../../shared/src/analysis.js';
import { DOUBT_TEXT } from '../../../shared/src/format/doubt.js';
import { describeKnown } from '../../../shared/src/library.js';
import { formatDuration } from '../../../shared/src/format/duration.js';
import { describeSpeakingTime } from '../../../shared/src/format/speech.js';
import { escapeText, formatActor, formatShare } from './mrkdwn.js';
import { ACTION_IDS, TAG_ACTIONS } from './ids.js';
import { LIMITS, truncate } from './limits.js';
import { context, plain, section, type Block } from './message.js';
import { encodeMergeRef, encodePersonRef } from './values.js';

export interface PersonContext {
  jobId: string;
  /** Every person of the job (for the merge menu). */
  people: readonly PersonView[];
  duration: number | null;
  /** A public URL of the person's square face, or null to show no picture. */
  faceUrl: (person: number) => string | null;
}

export const TAG_LABELS: Record<Tag, string> = { female: 'Female', male: 'Male', unknown: 'Unknown', 'not-face': 'Not a face' };

export function buildFullPerson(ctx: PersonContext, person: PersonView): Block[] {
  const text = `*Person ${person.id}* · ${describeTime(ctx, person)}\n${describeSuggestion(person)}\n${describeTag(person)}${describeDoubt(person)}`;
  const menu = buildMergeMenu(ctx, person);
  return [
    { type: 'divider' },
    { ...section(text, faceImage(ctx, person)), block_id: `person.${person.id}` },
    {
      type: 'actions',
      block_id: `person.${person.id}.actions`,
      elements: [...buildTagButtons(ctx.jobId, person), ...(menu ? [menu] : []), detailsButton(ctx.jobId, person, 'More faces')],
    },
    context(describeFaces(person)),
  ];
}

/** One line and one row of buttons: the layout for many people. */
export function buildCompactPerson(ctx: PersonContext, person: PersonView): Block[] {
  const suggestion = person.suggestion ? `${person.suggestion.gender}? ${formatShare(person.suggestion.confidence)}` : 'no suggestion';
  const tag = person.tag ? `:white_check_mark: *${TAG_LABELS[person.tag]}* (${formatActor(person.taggedBy, person.taggedOnBehalfOf)})` : '_not tagged_';
  const speaking = person.speakingSeconds ? ` (${describeSpeakingTime(person.speakingSeconds)})` : '';
  const text = `*Person ${person.id}* · ${formatDuration(person.seconds)}${speaking} · ${suggestion} · ${tag}${person.doubt ? ' · :warning: may be two people' : ''}`;
  return [
    { ...section(text, faceImage(ctx, person)), block_id: `person.${person.id}` },
    { type: 'actions', block_id: `person.${person.id}.actions`, elements: [...buildTagButtons(ctx.jobId, person), detailsButton(ctx.jobId, person, 'Details')] },
  ];
}

export function describeTime(ctx: Pick<PersonContext, 'duration'>, person: PersonView): string {
  const share = ctx.duration ? ` (${formatShare(person.seconds / ctx.duration)})` : '';
  const speaking = person.speakingSeconds === undefined ? '' : `, ${describeSpeakingTime(person.speakingSeconds)}`;
  return `${formatDuration(person.seconds)} on screen${share}${speaking}`;
}

export function describeSuggestion(person: PersonView): string {
  return person.suggestion
    ? `Suggestion: ${person.suggestion.gender}, ${formatShare(person.suggestion.confidence)} sure`
    : 'No suggestion (faces too small or unclear)';
}

/** "Check: may be two people" (issue 12): one line; the split itself is on the tagging page. */
export function describeDoubt(person: PersonView): string {
  return person.doubt ? `\n:warning: *${DOUBT_TEXT.title}* ${DOUBT_TEXT.explain} Split them on the tagging page.` : '';
}

export function describeTag(person: PersonView): string {
  if (!person.tag) return '_Not tagged yet_';
  if (person.tagOrigin === 'library' && person.known) return `:bust_in_silhouette: *${escapeText(describeKnown(person.known))}*`;
  const how = person.tagOrigin === 'suggestion' ? 'suggestion accepted by' : 'tagged by';
  return `:white_check_mark: *${TAG_LABELS[person.tag]}*, ${how} ${formatActor(person.taggedBy, person.taggedOnBehalfOf)}`;
}

export function describeFaces(person: PersonView): string {
  return `${person.faces} face${person.faces === 1 ? '' : 's'} in ${person.tracks.length} shot${person.tracks.length === 1 ? '' : 's'}`;
}

/** "Same person as…": merges this person into the one picked; null when nobody else is left. */
export function buildMergeMenu(ctx: Pick<PersonContext, 'jobId' | 'people'>, person: PersonView): types.StaticSelect | null {
  const others = ctx.people.filter((p) => p.id !== person.id).slice(0, LIMITS.optionsPerSelect);
  if (others.length === 0) return null;
  return {
    type: 'static_select',
    action_id: ACTION_IDS.merge,
    placeholder: plain('Same person as…', LIMITS.optionTextChars),
    options: others.map((other) => ({
      text: plain(truncate(`Person ${other.id} (${formatDuration(other.seconds)}${other.tag ? `, ${TAG_LABELS[other.tag]}` : ''})`, LIMITS.optionTextChars)),
      value: encodeMergeRef({ jobId: ctx.jobId, from: person.id, into: other.id }),
    })),
  };
}

function buildTagButtons(jobId: string, person: PersonView): types.Button[] {
  const value = encodePersonRef({ jobId, person: person.id });
  return TAG_ACTIONS.map(({ actionId, tag, label }) => ({
    type: 'button',
    action_id: actionId,
    text: plain(label, LIMITS.buttonTextChars),
    value,
    ...(person.tag === tag ? { style: 'primary' as const } : {}),
  }));
}

function detailsButton(jobId: string, person: PersonView, label: string): types.Button {
  return { type: 'button', action_id: ACTION_IDS.personDetails, text: plain(label, LIMITS.buttonTextChars), value: encodePersonRef({ jobId, person: person.id }) };
}

function faceImage(ctx: PersonContext, person: PersonView): types.ImageElement | undefined {
  const url = ctx.faceUrl(person.id);
  return url ? { type: 'image', image_url: url, alt_text: `Face of person ${person.id}` } : undefined;
}
