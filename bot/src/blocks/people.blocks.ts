/**
 * The tagging messages: every person (see person.blocks.ts) and, on the last message, the
 * controls: "accept all", "finish" and the switch between the full and the compact layout.
 * Many people are split over several messages.
 */
import type { types } from '@slack/bolt';
import type { PersonView } from '../../../shared/src/analysis.js';
import { escapeText, formatBy } from './mrkdwn.js';
import { ACTION_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { message, plain, section, type Block, type SlackMessage } from './message.js';
import { buildCompactPerson, buildFullPerson, type PersonContext } from './person.blocks.js';
import { encodeJobRef, encodeLayoutRef } from './values.js';

export type PeopleLayout = 'full' | 'compact';

/** Full layout: 4 blocks per person (+ 1 heading, + 3 controls) keeps a page at 44 of Block Kit's 50. */
export const PEOPLE_PER_PAGE = 10;
/** Compact layout: 2 blocks per person; 20 people make 44 blocks. */
export const COMPACT_PEOPLE_PER_PAGE = 20;
/**
 * From this many people the compact layout is the default: 8 people in full take about 40
 * lines, more than a laptop screen shows; in compact they take 16 and fit one message up to 20.
 */
export const COMPACT_FROM = 8;

export interface PeoplePageView extends PersonContext {
  /** Every person of the job, in display order (see `sortPeople`). */
  people: PersonView[];
  /** 0-based. */
  page: number;
  videoLabel: string;
  /** Slack user id of who pressed "finish", once someone has. */
  finishedBy: string | null;
  layout: PeopleLayout;
  /** People per message (default and most: the layout's own maximum). */
  perPage?: number;
}

/** Longest on screen first, so the people who matter most are tagged first. */
export function sortPeople(people: readonly PersonView[]): PersonView[] {
  return [...people].sort((a, b) => b.seconds - a.seconds || a.id - b.id);
}

/** The layout a thread shows: what someone chose there, else compact from COMPACT_FROM people. */
export function chooseLayout(people: number, chosen: PeopleLayout | null): PeopleLayout {
  return chosen ?? (people >= COMPACT_FROM ? 'compact' : 'full');
}

/** People per message in a layout, `wanted` clamped to what Block Kit allows. */
export function peoplePerPage(layout: PeopleLayout, wanted?: number): number {
  const most = layout === 'compact' ? COMPACT_PEOPLE_PER_PAGE : PEOPLE_PER_PAGE;
  return Math.max(1, Math.min(wanted ?? most, most));
}

export function countPages(people: number, perPage: number = PEOPLE_PER_PAGE): number {
  return Math.max(1, Math.ceil(people / perPage));
}

export function buildPeoplePage(view: PeoplePageView): SlackMessage {
  const perPage = peoplePerPage(view.layout, view.perPage);
  const pages = countPages(view.people.length, perPage);
  const onPage = view.people.slice(view.page * perPage, (view.page + 1) * perPage);
  const first = view.page * perPage + 1;
  const heading = onPage.length === 0
    ? `People in ${view.videoLabel}: nobody left on this message (merged into others, or listed in the messages above).`
    : `People in ${view.videoLabel}: ${first}–${first + onPage.length - 1} of ${view.people.length} (page ${view.page + 1} of ${pages})`;
  const blocks: Block[] = [section(`*${escapeText(heading)}*`)];
  const build = view.layout === 'compact' ? buildCompactPerson : buildFullPerson;
  for (const person of onPage) blocks.push(...build(view, person));
  if (view.page === pages - 1) blocks.push(...buildControls(view));
  const tagged = view.people.filter((p) => p.tag !== null).length;
  return message(`${heading}. ${tagged} of ${view.people.length} tagged.`, blocks);
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
  const other: PeopleLayout = view.layout === 'compact' ? 'full' : 'compact';
  const layout: types.Button = {
    type: 'button',
    action_id: ACTION_IDS.switchLayout,
    text: plain(other === 'compact' ? 'Compact list' : 'Show details', LIMITS.buttonTextChars),
    value: encodeLayoutRef({ jobId: view.jobId, layout: other }),
  };
  return [
    { type: 'divider' },
    section(status),
    { type: 'actions', block_id: 'controls', elements: [...(suggested > 0 ? [acceptAll] : []), finish, layout] },
  ];
}
