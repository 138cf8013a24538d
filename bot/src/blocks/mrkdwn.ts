/** Slack mrkdwn for the block builders: escaping, shares, people, links. Durations and ETAs come from shared/src/format/. */

/** Escapes the three characters Slack's mrkdwn treats as markup. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 0.4234 → "42%"; null → "n/a". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return 'n/a';
  return `${Math.round(share * 100)}%`;
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

/** A mrkdwn link with an escaped label. */
export function formatLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, (c) => encodeURIComponent(c))}|${escapeText(label).replace(/\|/g, '¦')}>`;
}

/** A short label for a video: its title, or its URL without the scheme. */
export function labelVideo(url: string, title: string | null): string {
  if (title && title.trim()) return title.trim();
  return url.replace(/^https?:\/\//, '');
}
