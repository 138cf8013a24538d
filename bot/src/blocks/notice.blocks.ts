/** One-line notices in a thread or to one person: usage, errors in plain words, confirmations. */
import { escapeText } from './mrkdwn.js';
import { message, section, type SlackMessage } from './message.js';

export function buildNotice(text: string, emoji = ':information_source:'): SlackMessage {
  return message(text, [section(`${emoji} ${escapeText(text)}`)]);
}

export function buildProblem(text: string): SlackMessage {
  return buildNotice(text, ':warning:');
}

export const USAGE_TEXT = [
  'Usage: `/onscreen <video link>` analyses a video and starts a thread here.',
  '`/onscreen report` posts the figures of every video analysed in this channel over the last 30 days; `/onscreen report <collection>` those of a named collection.',
  '`/onscreen watch on` lets me start on my own when a video link is posted in this channel; `/onscreen watch off` stops that.',
  'You can also mention me with a link, or use the "Analyse video" message shortcut.',
].join('\n');

export function buildUsage(): SlackMessage {
  return message(USAGE_TEXT.replace(/`/g, ''), [section(USAGE_TEXT)]);
}
