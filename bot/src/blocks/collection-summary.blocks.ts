/**
 * `/onscreen report`'s message: a body of work's figures in a few lines (women's and men's shares
 * with the range, videos, how complete the tagging is), links to the collection's report and page, and what the
 * figures mean. The charts follow in its thread.
 */
import type { CollectionReport } from '../../../shared/src/collection.js';
import { formatDuration } from '../../../shared/src/format/duration.js';
import { describeTotals } from '../../../shared/src/format/totals.js';
import { ACTION_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { context, message, mrkdwn, plain, section, type SlackMessage } from './message.js';
import { formatBy, formatLink } from './mrkdwn.js';

export interface CollectionSummaryView {
  /** What the figures are about, as mrkdwn: "<#C123> over the last 30 days", "*Evening news*". */
  subject: string;
  /** The same in plain words, for the notification text. */
  subjectText: string;
  total: CollectionReport['total'];
  /** Videos in the collection not in the figures yet (still analysing, or failed). */
  pending: number;
  /** The collection's report for people without a token (a read-only share link), or its page. */
  reportUrl: string;
  /** The collection's page on the engine (asks for a token). */
  pageUrl: string;
  /** Slack user id of who asked. */
  requestedBy: string;
}

export const COLLECTION_DEFINITIONS_LINE =
  'Share of screen time: the part of the videos\' summed duration in which at least one woman (or man) is visible; a long video weighs more than a short one. Range: counting every untagged or unknown person as not a woman, then as a woman.';

export function buildCollectionSummary(view: CollectionSummaryView): SlackMessage {
  const words = describeTotals(view.total);
  const pending = view.pending > 0 ? `${view.pending} more ${view.pending === 1 ? 'video is' : 'videos are'} still being analysed or failed, and not counted.` : null;
  const text = `Representation in ${view.subjectText}: ${words.headline} (range ${words.womenRange}), men ${words.men}. Tagging: ${words.tagging}. Report: ${view.reportUrl}`;
  return message(text, [
    section(`:bar_chart: *Representation in ${view.subject}*: ${words.headline}`),
    {
      type: 'section',
      fields: [
        mrkdwn(`*Women on screen*\n${words.women} of the time (range ${words.womenRange})`),
        mrkdwn(`*Men on screen*\n${words.men} of the time`),
        mrkdwn(`*Videos*\n${words.videos}, ${formatDuration(view.total.duration)} in all`),
        mrkdwn(`*Tagging*\n${words.isTaggingComplete ? ':white_check_mark: ' : ':warning: '}${words.tagging}`),
      ].slice(0, LIMITS.fieldsPerSection),
    },
    ...(pending ? [context(pending)] : []),
    context(COLLECTION_DEFINITIONS_LINE),
    {
      type: 'actions',
      block_id: 'collection',
      elements: [{ type: 'button', action_id: ACTION_IDS.openReport, text: plain('Open the collection\'s report', LIMITS.buttonTextChars), url: view.reportUrl }],
    },
    context(`Asked for by ${formatBy(`slack:${view.requestedBy}`)}. The report covers all the collection's videos; ${formatLink(view.pageUrl, 'its page')} (for people with an onscreen token) lists them, with the CSV.`),
  ]);
}
