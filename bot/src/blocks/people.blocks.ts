/**
 * The tagging messages: each person with a thumbnail, the suggestion and its confidence,
 * who tagged what, Female / Male / Unknown / Not a face, and merging through a menu.
 * Many people are split over several messages; the last one carries "accept all" and "finish".
 */
import type { types } from '@slack/bolt';
import type { PersonView, Tag } from '../../../shared/src/analysis.js';
import { formatDuration } from '../../../shared/src/format/duration.js';
import { escapeText, formatBy, formatShare } from './mrkdwn.js';
import { ACTION_IDS, TAG_ACTIONS } from './ids.js';
import { LIMITS, truncate } from './limits.js';
import { context, message, plain, section, type Block, type SlackMessage } from './message.js';
import { encodeJobRef, encodeMergeRef, encodePersonRef } from './values.js';

/** 4 blocks per person (+ 1 heading, + 3 controls) keeps a page at 44 of Block Kit's 50. */
export const PEOPLE_PER_PAGE = 10;

export interface PeoplePageView {
  jobId: string;
  /** Every person of the job, in display order (see `sortPeople`). */
  people: PersonView[];
  /** 0-based. */
  page: number;
  videoLabel: string;
  duration: number | null;
  /** A public URL for a person's thumbnail, or null to show no picture. */
  thumbnailUrl: (person: number) => string | null;
  /** Slack user id of who pressed "finish", once someone has. */
  finishedBy: string | null;
  /** People per message (default PEOPLE_PER_PAGE, the most Block Kit allows). */
  perPage?: number;
}

const TAG_LABELS: Record<Tag, string> = { female: 'Female', male: 'Male', unknown: 'Unknown', 'not-face': 'Not a face' };

/** Longest on screen first, so the people who matter most are tagged first. */
export function sortPeople(people: readonly PersonView[]): PersonView[] {
  return [...people].sort((a, b) => b.seconds - a.seconds || a.id - b.id);
}

export function countPages(people: number, perPage: number = PEOPLE_PER_PAGE): number {
  return Math.max(1, Math.ceil(people / perPage));
}

export function buildPeoplePage(view: PeoplePageView): SlackMessage {
  const perPage = Math.min(view.perPage ?? PEOPLE_PER_PAGE, PEOPLE_PER_PAGE);
  const pages = countPages(view.people.length, perPage);
  const onPage = view.people.slice(view.page * perPage, (view.page + 1) * perPage);
  const first = view.page * perPage + 1;
  const heading = onPage.length === 0
    ? `People in ${view.videoLabel}: nobody left on this page (they were merged into others).`
    : `People in ${view.videoLabel}: ${first}–${first + onPage.length - 1} of ${view.people.length} (page ${view.page + 1} of ${pages})`;
  const blocks: Block[] = [section(`*${escapeText(heading)}*`)];
  for (const person of onPage) blocks.push(...buildPerson(view, person));
  if (view.page === pages - 1) blocks.push(...buildControls(view));
  const tagged = view.people.filter((p) => p.tag !== null).length;
  return message(`${heading}. ${tagged} of ${view.people.length} tagged.`, blocks);
}

function buildPerson(view: PeoplePageView, person: PersonView): Block[] {
  const share = view.duration ? ` (${formatShare(person.seconds / view.duration)})` : '';
  const suggestion = person.suggestion
    ? `Suggestion: ${person.suggestion.gender}, ${formatShare(person.suggestion.confidence)} sure`
    : 'No suggestion (faces too small or unclear)';
  const thumbnail = view.thumbnailUrl(person.id);
  const accessory: types.ImageElement | undefined = thumbnail
    ? { type: 'image', image_url: thumbnail, alt_text: `Faces of person ${person.id}` }
    : undefined;
  const text = `*Person ${person.id}* · ${formatDuration(person.seconds)} on screen${share}\n${suggestion}\n${describeTag(person)}`;
  return [
    { type: 'divider' },
    { ...section(text, accessory), block_id: `person.${person.id}` },
    { type: 'actions', block_id: `person.${person.id}.actions`, elements: buildPersonActions(view, person) },
    context(`${person.faces} face${person.faces === 1 ? '' : 's'} in ${person.tracks.length} shot${person.tracks.length === 1 ? '' : 's'}`),
  ];
}

function describeTag(person: PersonView): string {
  if (!person.tag) return '_Not tagged yet_';
  const how = person.tagOrigin === 'suggestion' ? 'suggestion accepted by' : 'tagged by';
  return `:white_check_mark: *${TAG_LABELS[person.tag]}*, ${how} ${formatBy(person.taggedBy)}`;
}

function buildPersonActions(view: PeoplePageView, person: PersonView): types.ActionsBlockElement[] {
  const value = encodePersonRef({ jobId: view.jobId, person: person.id });
  const elements: types.ActionsBlockElement[] = TAG_ACTIONS.map(({ actionId, tag, label }) => ({
    type: 'button',
    action_id: actionId,
    text: plain(label, LIMITS.buttonTextChars),
    value,
    ...(person.tag === tag ? { style: 'primary' as const } : {}),
  }));
  const others = view.people.filter((p) => p.id !== person.id).slice(0, LIMITS.optionsPerSelect);
  if (others.length > 0) {
    elements.push({
      type: 'static_select',
      action_id: ACTION_IDS.merge,
      placeholder: plain('Same person as…', LIMITS.optionTextChars),
      options: others.map((other) => ({
        text: plain(truncate(`Person ${other.id} (${formatDuration(other.seconds)}${other.tag ? `, ${TAG_LABELS[other.tag]}` : ''})`, LIMITS.optionTextChars)),
        value: encodeMergeRef({ jobId: view.jobId, from: person.id, into: other.id }),
      })),
    });
  }
  return elements;
}

function buildControls(view: PeoplePageView): Block[] {
  const tagged = view.people.filter((p) => p.tag !== null).length;
  const suggested = view.people.filter((p) => p.tag === null && p.suggestion !== null).length;
  const status = view.finishedBy
    ? `Finished by ${formatBy(`slack:${view.finishedBy}`)}: the charts are in this thread. Changes made since can be posted by pressing Finish again.`
    : `${tagged} of ${view.people.length} tagged. Press *Finish* to get the charts.`;
  const value = encodeJobRef(view.jobId);
  const acceptAll: types.Button = {
    type: 'button',
    action_id: ACTION_IDS.acceptAll,
    text: plain(`Accept all suggestions (${suggested})`, LIMITS.buttonTextChars),
    value,
    confirm: {
      title: plain('Accept all suggestions?', 100),
      text: plain(`Tags the ${suggested} untagged people with their suggested gender. Each can still be changed.`),
      confirm: plain('Accept', 30),
      deny: plain('Cancel', 30),
    },
  };
  const finish: types.Button = { type: 'button', action_id: ACTION_IDS.finish, text: plain('Finish', LIMITS.buttonTextChars), value, style: 'primary' };
  return [
    { type: 'divider' },
    section(status),
    { type: 'actions', block_id: 'controls', elements: suggested > 0 ? [acceptAll, finish] : [finish] },
  ];
}
