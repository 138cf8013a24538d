/**
 * "More faces" / "Details": a modal with a person's strip of best faces (shown at its width,
 * which a message's small square cannot), their time on screen, suggestion and tag, and the
 * merge menu. Opened at once as "loading" (Slack's trigger expires in 3 s), then filled in.
 */
import type { PersonView } from '../../../shared/src/analysis.js';
import { escapeText } from './mrkdwn.js';
import { DISPLAY_VIEW_IDS } from './ids.js';
import { LIMITS, truncate } from './limits.js';
import { context, plain, section, type Block, type View } from './message.js';
import { buildMergeMenu, describeFaces, describeSuggestion, describeTag, describeTime } from './person.blocks.js';

export interface PersonModalView {
  jobId: string;
  person: PersonView;
  people: readonly PersonView[];
  duration: number | null;
  videoLabel: string;
  /** A public URL of the person's strip of best faces, or null without a public URL. */
  stripUrl: string | null;
  /** Where the person's tagging message is, carried in `private_metadata` for the merge menu. */
  place: { channel: string | null; threadTs: string | null };
}

export function buildPersonModal(view: PersonModalView): View {
  const { person } = view;
  const blocks: Block[] = [];
  if (view.stripUrl) {
    blocks.push({ type: 'image', block_id: 'person.faces', image_url: view.stripUrl, alt_text: `The best faces of person ${person.id}`, title: plain('Best faces, best first', 200) });
  } else {
    blocks.push(context('Pictures need the bot\'s public address (BOT_PUBLIC_URL), which is not set.'));
  }
  blocks.push(
    section(`*Person ${person.id}* in ${escapeText(truncate(view.videoLabel, 200))}\n${describeTime(view, person)} · ${describeFaces(person)}\n${describeSuggestion(person)}\n${describeTag(person)}`),
  );
  const menu = buildMergeMenu(view, person);
  if (menu) {
    blocks.push({ type: 'section', block_id: `person.${person.id}.merge`, text: { type: 'mrkdwn', text: 'Found twice? Merge into the same person:' }, accessory: menu });
  }
  blocks.push(context('Tag this person with the buttons in the thread.'));
  return { ...frame(`Person ${person.id}`, view.place), blocks: blocks.slice(0, LIMITS.blocksPerView) };
}

/** What the modal shows once its person was merged into another from its menu. */
export function buildMergedModal(from: number, into: number, place: PersonModalView['place']): View {
  return { ...frame(`Person ${into}`, place), blocks: [section(`:white_check_mark: Person ${from} is now part of person ${into}. The messages in the thread show the change.`)] };
}

/** The person modal with one line instead: a problem in plain words (the modal is the only place the person looks). */
export function buildModalProblem(person: number, text: string, place: PersonModalView['place']): View {
  return { ...frame(`Person ${person}`, place), blocks: [section(`:warning: ${escapeText(text)}`)] };
}

export function buildLoadingModal(person: number, place: PersonModalView['place']): View {
  return { ...frame(`Person ${person}`, place), blocks: [section(':hourglass_flowing_sand: Fetching the faces…')] };
}

/** The modal's fixed parts: its id, title and close button, and where it was opened from. */
function frame(title: string, place: PersonModalView['place']): Omit<View & { type: 'modal' }, 'blocks'> {
  return {
    type: 'modal',
    callback_id: DISPLAY_VIEW_IDS.personModal,
    title: plain(title, 24),
    close: plain('Close', 24),
    private_metadata: JSON.stringify(place),
  };
}
