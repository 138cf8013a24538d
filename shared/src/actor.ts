/**
 * Who made an edit: the authenticated client (a token's name, set by the engine, never by the
 * request) and, when it acts for someone, that person ("on behalf of": a Slack user id the bot
 * vouches for, the extension's user, a name typed on the page). The person is free text from a
 * client, so it is held to a short, plain alphabet here, for every surface that sends or shows it.
 */

/** Longest "on behalf of" text. */
export const ON_BEHALF_OF_MAX_CHARS = 80;

/** Letters and digits of any script, spaces and `. _ - ' : @`; no markup, quotes or control characters. */
const ON_BEHALF_OF_PATTERN = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._'@:-]*$/u;

export interface Actor {
  /** The client: the name of the API token that made the request. */
  by: string;
  /** The person the client acted for, if it said. */
  onBehalfOf?: string | undefined;
}

/** Why `text` cannot be an "on behalf of" value, or null when it can. */
export function checkOnBehalfOf(text: string): string | null {
  if (text.length === 0) return 'is empty';
  if (text.length > ON_BEHALF_OF_MAX_CHARS) return `is longer than ${ON_BEHALF_OF_MAX_CHARS} characters`;
  if (!ON_BEHALF_OF_PATTERN.test(text)) return "may hold only letters, digits, spaces and . _ - ' : @ (starting with a letter or digit)";
  return null;
}

/**
 * A free-text name made acceptable as "on behalf of" (characters outside the alphabet dropped,
 * spaces collapsed, cut to length), or undefined when nothing is left. For clients that send
 * a name a user typed.
 */
export function toOnBehalfOf(text: string | null | undefined): string | undefined {
  const kept = (text ?? '').normalize('NFC').replace(/[^\p{L}\p{M}\p{N} ._'@:-]/gu, '').replace(/\s+/g, ' ');
  const trimmed = kept.replace(/^[^\p{L}\p{M}\p{N}]+/u, '').slice(0, ON_BEHALF_OF_MAX_CHARS).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** "ana (via newsroom-bot)", or the client alone. Plain text: escape it where it is shown. */
export function describeActor(actor: { by: string | null; onBehalfOf?: string | null | undefined }): string {
  if (!actor.by) return actor.onBehalfOf ?? 'someone';
  return actor.onBehalfOf ? `${actor.onBehalfOf} (via ${actor.by})` : actor.by;
}

/** The person who acted: the one the client acted for, else the client itself (the CLI's user). For sentences such as "Ana tagged Person 3 female". */
export function personOf(actor: { by: string; onBehalfOf?: string | null | undefined }): string {
  return actor.onBehalfOf ?? actor.by;
}
