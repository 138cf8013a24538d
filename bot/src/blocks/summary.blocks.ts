/** The short summary posted with the charts: shares of screen time, people counted, one line of definitions. */
import type { Report } from '../../../shared/src/report.js';
import { formatDuration } from '../../../shared/src/format/duration.js';
import { describeSpeaking } from '../../../shared/src/format/speaking.js';
import { formatBy, formatLink, formatShare } from './mrkdwn.js';
import { ACTION_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { context, message, mrkdwn, plain, section, type SlackMessage } from './message.js';

export interface SummaryView {
  report: Report;
  videoLabel: string;
  /** Where the full report page is, for people (the engine's public URL). */
  reportUrl: string;
  /** Slack user id of who pressed Finish; null when tagging was finished elsewhere. */
  finishedBy: string | null;
}

export const DEFINITIONS_LINE =
  'Share of screen time: the part of the video in which at least one woman (or man) is visible; both can be on screen at once, so the shares need not add up to 100%. People: distinct faces grouped into people, as tagged here.';

export function buildSummaryMessage(view: SummaryView): SlackMessage {
  const { report } = view;
  const women = formatShare(report.screenTime.female.share);
  const men = formatShare(report.screenTime.male.share);
  const counted = describePeople(report);
  const gendered = report.femaleShareOfGendered === null ? null : formatShare(report.femaleShareOfGendered);
  const heading = `Representation in ${view.videoLabel} (${formatDuration(report.video.duration)})`;
  return message(
    `${heading}: women on screen ${women} of the time, men ${men}. ${counted}. Full report: ${view.reportUrl}`,
    [
      section(`:bar_chart: *${formatLink(view.reportUrl, heading)}*`),
      {
        type: 'section',
        fields: [
          mrkdwn(`*Women on screen*\n${women} of the time`),
          mrkdwn(`*Men on screen*\n${men} of the time`),
          mrkdwn(`*People counted*\n${counted}`),
          mrkdwn(`*Women's part of gendered screen time*\n${gendered ?? 'n/a (nobody tagged female or male)'}`),
        ].slice(0, LIMITS.fieldsPerSection),
      },
      ...(report.speakingTime ? [section(`:speech_balloon: *Who is heard* · ${describeSpeaking(report.speakingTime)}`)] : []),
      context(DEFINITIONS_LINE),
      {
        type: 'actions',
        block_id: 'report',
        elements: [{ type: 'button', action_id: ACTION_IDS.openReport, text: plain('Open the full report', LIMITS.buttonTextChars), url: view.reportUrl }],
      },
      context(view.finishedBy ? `Tagging finished by ${formatBy(`slack:${view.finishedBy}`)}.` : 'Tagging was finished earlier.'),
    ],
  );
}

/** "3 women, 5 men, 1 unknown, 2 untagged". */
export function describePeople(report: Report): string {
  const { female, male, unknown, untagged } = report.people;
  const parts = [plural(female, 'woman', 'women'), plural(male, 'man', 'men')];
  if (unknown > 0) parts.push(`${unknown} unknown`);
  if (untagged > 0) parts.push(`${untagged} untagged`);
  return parts.join(', ');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
