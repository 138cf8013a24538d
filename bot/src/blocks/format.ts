/** Small text formatters shared by the block builders: numbers, durations, people, links. */
import { describeActor } from '../../../shared/src/actor.js';

/** Escapes the three characters Slack's mrkdwn treats as markup. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 0.4234 → "42%"; null → "n/a". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return 'n/a';
  return `${Math.round(share * 100)}%`;
}

/** 75 → "1 min 15 s"; 3 → "3 s"; 3725 → "1 h 2 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 === 0 ? `${minutes} min` : `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** An ETA for a person: "about 2 min left"; under ten seconds: "almost done". */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 10) return 'almost done';
  return `about ${formatDuration(seconds < 60 ? seconds : Math.round(seconds / 60) * 60)} left`;
}

const SLACK_REQUESTER = /^slack:(?:[A-Z0-9]+:)?([UW][A-Z0-9]+)$/;

/** The `by`/requester label the bot gives the engine for a Slack user. */
export function toRequester(userId: string): string {
  return `slack:${userId}`;
}

/** A mention for labels the bot wrote ("slack:U123" → "<@U123>"); others are shown as given. */
export function formatBy(by: string | null): string {
  if (!by) return 'someone';
  const match = SLACK_REQUESTER.exec(by);
  return match ? `<@${match[1]}>` : escapeText(by);
}

/**
 * Who made an edit, for a message: the Slack user the bot vouched for as a mention, or anyone
 * else as "name (via client)", escaped (see shared/src/actor.ts).
 */
export function formatActor(by: string | null, onBehalfOf: string | null): string {
  // Histories from before "on behalf of" hold the Slack user in `by`.
  const person = onBehalfOf ?? by;
  if (person && SLACK_REQUESTER.test(person)) return formatBy(person);
  return escapeText(describeActor({ by, onBehalfOf }));
}

/** A mrkdwn link with an escaped label. */
export function formatLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, (c) => encodeURIComponent(c))}|${escapeText(label).replace(/\|/g, '¦')}>`;
}

/** A short label for a video: its title, or its URL without the scheme. */
export function labelVideo(url: string, title: string | null): string {
  if (title && title.trim()) return title.trim();
  return url.replace(/^https?:\/\//, '');
}
